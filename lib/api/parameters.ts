import { arrangementFilterSchema, parseArrangementFilters } from "@/lib/arrangements/filters";
import { resolveArrangementFilters, type ResolvedFilters } from "@/lib/arrangements/list";
import { parseStatsParams, statsParamsSchema } from "@/lib/stats/params";
import type { StatsQuery } from "@/lib/stats/engine/scope";
import { readCompareParams, type CompareParams } from "@/lib/rounds/compare-params";
import { z } from "zod";
import { issueDetails } from "./responses";
import type { QueryParameters } from "./route";

/**
 * The query parameters of the open API's routes: each one's zod schema is what the route parses
 * with (lib/api/route.ts) and what the OpenAPI document lists (lib/openapi/parameters.ts).
 */

/** GET /api/v1/ordninger: the /ordninger filters; unknown parameters and unknown values answer 400. */
export const arrangementListQuery = {
  schema: arrangementFilterSchema,
  rejectUnknown: true,
  async parse(params) {
    const parsed = parseArrangementFilters(params);
    if (!parsed.ok) return { ok: false, message: parsed.message, details: issueDetails(parsed.issues) };
    const resolved = await resolveArrangementFilters(parsed.filters);
    if (resolved.unknown.length) {
      return {
        ok: false,
        message: `Ukjente verdier – ${resolved.unknown.map((u) => u.message).join("; ")}`,
        details: resolved.unknown.map((u) => ({ felt: u.parameter, melding: u.message })),
      };
    }
    return { ok: true, value: resolved };
  },
} satisfies QueryParameters<ResolvedFilters>;

/**
 * GET /api/v1/statistikk…: `dato` and `region`. The region check needs the regions in the
 * database, so parsing builds the schema with them; its keys are those of the schema here.
 */
export const statisticsQuery = {
  schema: statsParamsSchema([]),
  rejectUnknown: true,
  async parse(params) {
    const parsed = await parseStatsParams(params);
    return parsed.ok ? { ok: true, value: parsed.query } : { ok: false, message: parsed.message, details: issueDetails(parsed.issues) };
  },
} satisfies QueryParameters<StatsQuery>;

/** GET /api/v1/sammenligning: `fra`, `til` (snapshot ids or i-dag) and `kommune` (docs/decisions/0045). */
export const comparisonQuery = {
  schema: z.object({ fra: z.string().optional(), til: z.string().optional(), kommune: z.string().optional() }),
  rejectUnknown: true,
  parse(params) {
    const read = readCompareParams((key) => params.get(key));
    return read.ok ? read : { ok: false, message: read.message, details: [] };
  },
} satisfies QueryParameters<CompareParams>;
