import pg from "pg";
import type { Dataset } from "./load.ts";

/**
 * Writes a validated dataset into an empty registry, in one transaction. Idempotent: a database
 * that already has arrangements is left untouched (returns false).
 */
export async function seedDatabase(databaseUrl: string, dataset: Dataset, options: { force?: boolean } = {}): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Serialise concurrent seeders (two processes starting at once).
    await client.query("SELECT pg_advisory_xact_lock(72707370)");
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Municipality"`);
    if (Number(rows[0]?.n ?? 0) > 0 && !options.force) {
      await client.query("ROLLBACK");
      return false;
    }
    await insertDataset(client, dataset);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type Row = Record<string, unknown>;

async function insertRows(client: pg.Client, table: string, rows: Row[], returning?: string): Promise<Row[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const out: Row[] = [];
  const chunk = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const values: unknown[] = [];
    const tuples = slice.map(
      (row) =>
        `(${columns
          .map((c) => {
            values.push(row[c] ?? null);
            return `$${values.length}`;
          })
          .join(", ")})`,
    );
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}${returning ? ` RETURNING ${returning}` : ""}`;
    const result = await client.query(sql, values);
    out.push(...result.rows);
  }
  return out;
}

async function insertDataset(client: pg.Client, data: Dataset): Promise<void> {
  const now = new Date();
  const countyRows = await insertRows(
    client,
    "County",
    data.counties.map((c) => ({ key: c.key, number: c.number ?? c.code ?? "", name: c.name, validFrom: c.validFrom, validTo: c.validTo ?? null })),
    `id, key`,
  );
  const countyId = new Map(countyRows.map((r) => [r.key as string, r.id as number]));
  const regionRows = await insertRows(
    client,
    "Region",
    data.regions.map((r) => ({ slug: r.slug, name: r.name, description: r.description ?? null })),
    `id, slug`,
  );
  const regionId = new Map(regionRows.map((r) => [r.slug as string, r.id as number]));
  const municipalityRows = await insertRows(
    client,
    "Municipality",
    data.municipalities.map((m) => ({
      slug: m.slug,
      name: m.name,
      inSurveyScope: m.inSurveyScope,
      regionId: m.region ? regionId.get(m.region) : null,
      latitude: m.lat ?? null,
      longitude: m.lon ?? null,
      updatedAt: now,
    })),
    `id, slug`,
  );
  const municipalityId = new Map(municipalityRows.map((r) => [r.slug as string, r.id as number]));
  const mid = (slug: string) => municipalityId.get(slug)!;
  await insertRows(
    client,
    "MunicipalityCode",
    data.municipalities.flatMap((m) => m.codes.map((c) => ({ municipalityId: mid(m.slug), code: c.code, validFrom: c.validFrom, validTo: c.validTo ?? null }))),
  );
  await insertRows(
    client,
    "MunicipalityCounty",
    data.municipalities.flatMap((m) => m.counties.map((c) => ({ municipalityId: mid(m.slug), countyId: countyId.get(c.county), validFrom: c.validFrom, validTo: c.validTo ?? null }))),
  );
  await insertRows(
    client,
    "Population",
    data.municipalities.flatMap((m) => m.population.map((p) => ({ municipalityId: mid(m.slug), year: p.year, count: p.count, source: p.source ?? null }))),
  );
  const sectorRows = await insertRows(
    client,
    "Sector",
    data.sectors.map((s) => ({ code: s.code, name: s.name, sortOrder: s.sortOrder })),
    `id, code`,
  );
  const sectorId = new Map(sectorRows.map((r) => [r.code as string, r.id as number]));
  const taskAreaRows = await insertRows(
    client,
    "TaskArea",
    data.taskAreas.map((t) => ({ slug: t.slug, name: t.correctedName ?? t.name, sortOrder: t.sortOrder, sectorId: t.sector ? sectorId.get(t.sector) : null })),
    `id, slug`,
  );
  const taskAreaId = new Map(taskAreaRows.map((r) => [r.slug as string, r.id as number]));
  const legalFormRows = await insertRows(
    client,
    "LegalForm",
    data.legalForms.map((l) => ({
      code: l.code,
      name: l.name,
      legalBasis: l.legalBasis,
      description: l.description ?? null,
      counted: l.counted,
      outdated: l.outdated,
    })),
    `id, code`,
  );
  const legalFormId = new Map(legalFormRows.map((r) => [r.code as string, r.id as number]));

  const arrangementRows = await insertRows(
    client,
    "Arrangement",
    data.arrangements.map((a) => ({
      slug: a.id,
      name: a.correctedName ?? a.name,
      correctedName: a.correctedName ? a.name : null, // keeps the printed spelling for provenance
      shortName: a.shortName ?? null,
      description: a.description ?? null,
      sectorId: sectorId.get(a.sector),
      legalFormId: a.legalForm ? legalFormId.get(a.legalForm.code) : null,
      hostMunicipalityId: a.host ? mid(a.host.municipality) : null,
      establishedYear: a.established?.year ?? null,
      establishedPeriodFrom: a.established?.periodFrom ?? null,
      establishedPeriodTo: a.established?.periodTo ?? null,
      establishedUnspecified: a.established?.unspecified ?? false,
      endDate: a.endDate ?? null,
      endReason: a.endReason ?? null,
      orgNr: a.orgNr ?? null,
      notes: a.notes ?? null,
      statedParticipantCount: a.statedParticipantCount ?? null,
      updatedAt: now,
    })),
    `id, slug`,
  );
  const arrangementId = new Map(arrangementRows.map((r) => [r.slug as string, r.id as number]));
  const aid = (slug: string) => arrangementId.get(slug)!;

  await insertRows(
    client,
    "ArrangementTaskArea",
    data.arrangements.flatMap((a) => a.taskAreas.map((t) => ({ arrangementId: aid(a.id), taskAreaId: taskAreaId.get(t) }))),
  );
  await insertRows(
    client,
    "Participation",
    data.arrangements.flatMap((a) =>
      a.participants.map((p) => ({
        arrangementId: aid(a.id),
        municipalityId: mid(p.municipality),
        role: p.role,
        joinedOn: p.joined ?? null,
        leftOn: p.left ?? null,
        source: p.source ?? null,
      })),
    ),
  );
  await insertRows(
    client,
    "StaffingRecord",
    data.arrangements.flatMap((a) => a.staffing.map((s) => ({ arrangementId: aid(a.id), year: s.year, fte: s.fte, source: s.source ?? null }))),
  );
  const confidence = (c: string | null | undefined) => (c === "inferred" ? "INFERRED" : "STATED");
  await insertRows(
    client,
    "Provenance",
    data.arrangements.flatMap((a) => {
      const rows: Row[] = a.sources.map((source) => ({ arrangementId: aid(a.id), field: "arrangement", source, confidence: "STATED", note: null }));
      const fact = (field: string, f: { confidence: string; note?: string | null; source?: string | null } | null | undefined) => {
        if (f) rows.push({ arrangementId: aid(a.id), field, source: f.source ?? a.sources[0], confidence: confidence(f.confidence), note: f.note ?? null });
      };
      fact("host", a.host);
      fact("legalForm", a.legalForm);
      fact("established", a.established);
      if (a.taskAreas.length)
        rows.push({
          arrangementId: aid(a.id),
          field: "taskAreas",
          source: a.sources[0],
          confidence: confidence(a.taskAreasConfidence ?? "inferred"),
          note: (a.taskAreasConfidence ?? "inferred") === "inferred" ? "Oppgaveområde i Tabell 3.1 valgt ut fra navnet, beskrivelsen og sektortabellen" : null,
        });
      return rows;
    }),
  );
  if (data.baseline) {
    const source = typeof data.baseline.source === "string" ? data.baseline.source : "NIVI 2021";
    await insertRows(
      client,
      "ReportBaseline",
      Object.entries(data.baseline)
        .filter(([key]) => key !== "source")
        .map(([key, value]) => ({ key, source, data: JSON.stringify(value) })),
    );
  }
  if (data.deviations) {
    await insertRows(client, "ReportBaseline", [{ key: "deviations", source: data.deviations.source, data: JSON.stringify(data.deviations.deviations) }]);
  }
}
