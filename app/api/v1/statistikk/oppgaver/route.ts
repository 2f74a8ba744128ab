import { badRequest, ok } from "@/lib/api/responses";
import { taskAreasApiBody } from "@/lib/stats/api";
import { parseStatsParams } from "@/lib/stats/params";

export const dynamic = "force-dynamic";

/** Computed from the registry on every request; see /api/v1/openapi.json. */
export async function GET(request: Request) {
  const parsed = await parseStatsParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.message, parsed.issues);
  return ok(await taskAreasApiBody(parsed.query));
}
