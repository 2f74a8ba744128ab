import { apiRoute } from "@/lib/api/route";
import { migrationStatus } from "@/lib/registry/migration-status";
import { databaseHealth } from "@/lib/registry/summary";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const GET = apiRoute(async () => {
  const database = await databaseHealth();
  if (!database.ok) return Response.json({ status: "feil", database: { status: "utilgjengelig", melding: database.error } }, { status: 503, headers: noStore });
  const { applied, pending } = await migrationStatus();
  const migrations =
    pending.length === 0
      ? { status: "ok", applied }
      : { status: "venter", applied, pending, melding: `${pending.length} ${pending.length === 1 ? "migrering er" : "migreringer er"} ikke kjørt mot databasen` };
  return Response.json(
    { status: pending.length === 0 ? "ok" : "feil", database: { status: "ok", latencyMs: database.latencyMs }, migrations },
    { status: pending.length === 0 ? 200 : 503, headers: noStore },
  );
});
