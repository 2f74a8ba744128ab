import { notFound, ok } from "@/lib/api/responses";
import { apiQueryRoute } from "@/lib/api/route";
import { comparisonQuery } from "@/lib/api/parameters";
import { comparisonBody } from "@/lib/rounds/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/sammenligning?fra=&til=&kommune=: new, ended and changed arrangements between two snapshots. */
export const GET = apiQueryRoute(comparisonQuery, async ({ query }) => {
  const answer = await comparisonBody(query);
  return answer.ok ? ok(answer.body) : notFound(answer.message);
});
