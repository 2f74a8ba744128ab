import { statisticsQuery } from "@/lib/api/parameters";
import { ok } from "@/lib/api/responses";
import { apiQueryRoute, apiPreflight } from "@/lib/api/route";
import { taskAreasApiBody } from "@/lib/stats/api";

export const dynamic = "force-dynamic";

/** Computed from the registry on every request; see /api/v1/openapi.json. */
export const GET = apiQueryRoute(statisticsQuery, async ({ query }) => ok(await taskAreasApiBody(query)));

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
