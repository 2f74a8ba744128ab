import { arrangementListQuery } from "@/lib/api/parameters";
import { ok } from "@/lib/api/responses";
import { apiPreflight, apiQueryRoute } from "@/lib/api/route";
import { arrangementToApi } from "@/lib/arrangements/api";
import { listResolved } from "@/lib/arrangements/list";
import { qualityFindingsByArrangement } from "@/lib/quality/load";

export const dynamic = "force-dynamic";

/** GET /api/v1/ordninger: the /ordninger filters as query parameters; documented in lib/openapi/registry.ts. */
export const GET = apiQueryRoute(arrangementListQuery, async ({ query }) => {
  const page = await listResolved(query);
  const findings = await qualityFindingsByArrangement(page.rows.map((r) => r.id));
  return ok({
    antallTotalt: page.total,
    side: page.page,
    antall: page.pageSize,
    antallSider: page.pageCount,
    dato: page.date,
    ordninger: page.rows.map((r) => arrangementToApi(r, findings.get(r.id))),
  });
});

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
