import pg from "pg";
import { createTestDatabase } from "../../../tests/helpers/database.ts";

/**
 * A small hand-made registry with known answers (see fixture.int.test.ts):
 * surveyed A (3 000 inh., region vest, Buskerud), B (8 000, vest, Buskerud), C (20 000, ost, Telemark);
 * outside: X (Innlandet), Y (Akershus).
 * a1 A+B host A, 2010, IKS, ADMIN, barnevern, 4,0 FTE (2021)
 * a2 A+B+C+X host C, period 2015–2021, HOST_ADMIN, HEALTH, ppt, 6,0 FTE (2020) and 7,5 (2021)
 * a3 A+C, 1990, ended 2021-06-30
 * a4 B+Y host Y, unspecified, 12 members printed, HEALTH; B left 2021-11-01 (inclusive)
 * a5 A (+C joining 2022-01-01), 2021, ADMIN, no legal form
 * a6 C+X, 2023
 */
export async function createFixtureRegistry(): Promise<{ url: string; drop(): Promise<void> }> {
  // The migrated schema without its rows: a clone of the seeded registry, emptied (every table but
  // the migration log, ids restarting at 1), so this file needs nothing from scripts/.
  const db = await createTestDatabase("seeded");
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
  await client.query(`TRUNCATE ${tables.rows.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
  const q = async (sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows;
  const id = async (sql: string, values: unknown[]) => (await q(`${sql} RETURNING id`, values))[0].id as number;
  try {
    const county = (key: string, number: string, name: string, from: string, to: string | null) =>
      id(`INSERT INTO "County" (key, number, name, "validFrom", "validTo") VALUES ($1, $2, $3, $4, $5)`, [key, number, name, from, to]);
    const buskerud = await county("buskerud-2024", "33", "Buskerud", "2024-01-01", null);
    const telemark = await county("telemark-2024", "40", "Telemark", "2024-01-01", null);
    const innlandet = await county("innlandet-2020", "34", "Innlandet", "2020-01-01", null);
    const akershus = await county("akershus-2024", "32", "Akershus", "2024-01-01", null);
    const viken = await county("viken-2020", "30", "Viken", "2020-01-01", "2023-12-31");
    const region = (slug: string, name: string) => id(`INSERT INTO "Region" (slug, name) VALUES ($1, $2)`, [slug, name]);
    const vest = await region("vest", "Vestregionen");
    const ost = await region("ost", "Østregionen");
    const municipality = async (slug: string, name: string, surveyed: boolean, regionId: number | null, countyId: number, population: number | null, code: string) => {
      const m = await id(`INSERT INTO "Municipality" (slug, name, "inSurveyScope", "regionId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [slug, name, surveyed, regionId]);
      await q(`INSERT INTO "MunicipalityCounty" ("municipalityId", "countyId", "validFrom", "validTo") VALUES ($1, $2, '2024-01-01', NULL)`, [m, countyId]);
      await q(`INSERT INTO "MunicipalityCounty" ("municipalityId", "countyId", "validFrom", "validTo") VALUES ($1, $2, '2020-01-01', '2023-12-31')`, [m, viken]);
      await q(`INSERT INTO "MunicipalityCode" ("municipalityId", code, "validFrom", "validTo") VALUES ($1, $2, '2024-01-01', NULL)`, [m, code]);
      await q(`INSERT INTO "MunicipalityCode" ("municipalityId", code, "validFrom", "validTo") VALUES ($1, $2, '2020-01-01', '2023-12-31')`, [m, `30${code.slice(2)}`]);
      if (population !== null) await q(`INSERT INTO "Population" ("municipalityId", year, count) VALUES ($1, 2021, $2)`, [m, population]);
      return m;
    };
    const A = await municipality("a", "Aby", true, vest, buskerud, 3000, "3301");
    const B = await municipality("b", "Bby", true, vest, buskerud, 8000, "3302");
    const C = await municipality("c", "Cby", true, ost, telemark, 20000, "4003");
    const X = await municipality("x", "Xby", false, null, innlandet, null, "3404");
    const Y = await municipality("y", "Yby", false, null, akershus, null, "3205");
    const sector = (code: string, name: string, order: number) => id(`INSERT INTO "Sector" (code, name, "sortOrder") VALUES ($1, $2, $3)`, [code, name, order]);
    const ADMIN = await sector("ADMIN", "Administrasjon", 1);
    const HEALTH = await sector("HEALTH", "Helse", 2);
    const taskArea = (slug: string, name: string, order: number) => id(`INSERT INTO "TaskArea" (slug, name, "sortOrder") VALUES ($1, $2, $3)`, [slug, name, order]);
    const barnevern = await taskArea("barnevern", "Barnevern", 1);
    const ppt = await taskArea("ppt", "PPT", 2);
    const legalForm = (code: string, name: string) => id(`INSERT INTO "LegalForm" (code, name, "legalBasis") VALUES ($1, $2, 'lov')`, [code, name]);
    const IKS = await legalForm("IKS", "Interkommunalt selskap");
    const HOST_ADMIN = await legalForm("HOST_ADMIN", "Administrativt vertskommunesamarbeid");
    const arrangement = (slug: string, fields: Record<string, unknown>) => {
      const columns = ["slug", "name", "updatedAt", ...Object.keys(fields)];
      const values = [slug, slug.toUpperCase(), new Date(), ...Object.values(fields)];
      return id(`INSERT INTO "Arrangement" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
    };
    const a1 = await arrangement("a1", { sectorId: ADMIN, legalFormId: IKS, hostMunicipalityId: A, establishedYear: 2010 });
    const a2 = await arrangement("a2", { sectorId: HEALTH, legalFormId: HOST_ADMIN, hostMunicipalityId: C, establishedPeriodFrom: 2015, establishedPeriodTo: 2021 });
    const a3 = await arrangement("a3", { sectorId: ADMIN, establishedYear: 1990, endDate: "2021-06-30" });
    const a4 = await arrangement("a4", { sectorId: HEALTH, hostMunicipalityId: Y, establishedUnspecified: true, statedParticipantCount: 12 });
    const a5 = await arrangement("a5", { sectorId: ADMIN, establishedYear: 2021 });
    const a6 = await arrangement("a6", { sectorId: ADMIN, establishedYear: 2023 });
    const participate = (arrangementId: number, municipalityId: number, joinedOn: string | null = null, leftOn: string | null = null) =>
      q(`INSERT INTO "Participation" ("arrangementId", "municipalityId", "joinedOn", "leftOn") VALUES ($1, $2, $3, $4)`, [arrangementId, municipalityId, joinedOn, leftOn]);
    for (const m of [A, B]) await participate(a1, m);
    for (const m of [A, B, C, X]) await participate(a2, m);
    for (const m of [A, C]) await participate(a3, m);
    await participate(a4, B, null, "2021-11-01");
    await participate(a4, Y);
    await participate(a5, A);
    await participate(a5, C, "2022-01-01");
    for (const m of [C, X]) await participate(a6, m);
    await q(`INSERT INTO "ArrangementTaskArea" ("arrangementId", "taskAreaId") VALUES ($1, $2), ($3, $4)`, [a1, barnevern, a2, ppt]);
    const staffing = (arrangementId: number, year: number, fte: number) =>
      q(`INSERT INTO "StaffingRecord" ("arrangementId", year, fte, source) VALUES ($1, $2, $3, 'fixture')`, [arrangementId, year, fte]);
    await staffing(a1, 2021, 4);
    await staffing(a2, 2020, 6);
    await staffing(a2, 2021, 7.5);
    await q(`INSERT INTO "Provenance" ("arrangementId", field, source, confidence) VALUES ($1, 'legalForm', 'fixture', 'INFERRED')`, [a2]);
  } finally {
    await client.end();
  }
  return db;
}
