import pg from "pg";
import { buildSnapshotDocument, REPORT_2021_SNAPSHOT, SNAPSHOT_MUNICIPALITIES_SQL, SNAPSHOT_ROWS_SQL, type SnapshotMunicipality, type SnapshotRow } from "../../lib/rounds/snapshot-document.ts";

/**
 * «Rapport 2021», the first snapshot (docs/decisions/0045): the registry as of 2021-11-01, stored
 * once after the seed. Idempotent: an existing database gets it on its first start after the
 * migration; later starts leave it as it is. Returns whether it was created.
 */
export async function ensureReportSnapshot(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(72707371)");
    const existing = await client.query(`SELECT 1 FROM "Snapshot" WHERE slug = $1`, [REPORT_2021_SNAPSHOT.slug]);
    const arrangements = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Arrangement"`);
    if (existing.rowCount || Number(arrangements.rows[0]?.n ?? 0) === 0) {
      await client.query("ROLLBACK");
      return false;
    }
    const rows = (await client.query<SnapshotRow>(SNAPSHOT_ROWS_SQL)).rows;
    const municipalities = (await client.query<SnapshotMunicipality>(SNAPSHOT_MUNICIPALITIES_SQL)).rows;
    const document = buildSnapshotDocument(REPORT_2021_SNAPSHOT.asOf, rows, municipalities);
    await client.query(`INSERT INTO "Snapshot" (slug, name, "asOf", data) VALUES ($1, $2, $3::date, $4::jsonb)`, [
      REPORT_2021_SNAPSHOT.slug,
      REPORT_2021_SNAPSHOT.name,
      REPORT_2021_SNAPSHOT.asOf,
      JSON.stringify(document),
    ]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
