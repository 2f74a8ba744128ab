import { apiRoute } from "@/lib/api/route";
import { databaseHealth } from "@/lib/registry/summary";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const database = await databaseHealth();
  const body = database.ok ? { status: "ok", database: { status: "ok", latencyMs: database.latencyMs } } : { status: "feil", database: { status: "utilgjengelig", melding: database.error } };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
