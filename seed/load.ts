import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  arrangementSchema,
  countySchema,
  deviationsFileSchema,
  legalFormSchema,
  municipalitySchema,
  regionSchema,
  sectorSchema,
  taskAreaSchema,
  type ArrangementRecord,
  type CountyRecord,
  type DeviationRecord,
  type LegalFormRecord,
  type MunicipalityRecord,
  type RegionRecord,
  type SectorRecord,
  type TaskAreaRecord,
} from "./schema.ts";

export const DEFAULT_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedError";
  }
}

export interface Dataset {
  counties: CountyRecord[];
  regions: RegionRecord[];
  municipalities: MunicipalityRecord[];
  sectors: SectorRecord[];
  taskAreas: TaskAreaRecord[];
  legalForms: LegalFormRecord[];
  arrangements: (ArrangementRecord & { file: string })[];
  baseline: Record<string, unknown> | null;
  /** Printed figures the registry deliberately differs from, with the reason (deviations.json). */
  deviations: { source: string; deviations: DeviationRecord[] } | null;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SeedError(`${path.basename(file)}: ugyldig JSON (${error instanceof Error ? error.message : error})`);
  }
}

function describe(issue: z.core.$ZodIssue): string {
  return `${issue.path.join(".") || "(post)"}: ${issue.message}`;
}

function parseList<T>(file: string, schema: z.ZodType<T>, label: (raw: unknown, index: number) => string, optional = false): T[] {
  if (!existsSync(file)) {
    if (optional) return [];
    throw new SeedError(`Mangler datafilen ${file}`);
  }
  const raw = readJson(file);
  if (!Array.isArray(raw)) throw new SeedError(`${path.basename(file)}: forventet en liste`);
  return raw.map((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      throw new SeedError(`${path.basename(file)}, post ${label(item, index)}: ${result.error.issues.map(describe).join("; ")}`);
    }
    return result.data;
  });
}

const byKey = (key: string) => (raw: unknown, index: number) => (raw && typeof raw === "object" && key in raw ? `«${String((raw as Record<string, unknown>)[key])}»` : `nr. ${index + 1}`);

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) (seen.has(value) ? dupes : seen).add(value);
  return [...dupes];
}

/** Reads and validates every seed file; throws SeedError naming the first offending record. */
export function loadDataset(dataDir = DEFAULT_DATA_DIR): Dataset {
  const counties = parseList(path.join(dataDir, "counties.json"), countySchema, byKey("key"));
  const regions = parseList(path.join(dataDir, "regions.json"), regionSchema, byKey("slug"));
  const municipalities = parseList(path.join(dataDir, "municipalities.json"), municipalitySchema, byKey("slug"));
  const sectors = parseList(path.join(dataDir, "sectors.json"), sectorSchema, byKey("code"));
  const taskAreas = parseList(path.join(dataDir, "task-areas.json"), taskAreaSchema, byKey("slug"));
  const legalForms = parseList(path.join(dataDir, "legal-forms.json"), legalFormSchema, byKey("code"));
  const arrangementDir = path.join(dataDir, "arrangements");
  const arrangementFiles = existsSync(arrangementDir)
    ? readdirSync(arrangementDir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  const arrangements = arrangementFiles.flatMap((file) => parseList(path.join(arrangementDir, file), arrangementSchema, byKey("id")).map((record) => ({ ...record, file })));
  const baselineFile = path.join(dataDir, "baseline.json");
  const baseline = existsSync(baselineFile) ? (readJson(baselineFile) as Record<string, unknown>) : null;

  const deviationsFile = path.join(dataDir, "deviations.json");
  let deviations: Dataset["deviations"] = null;
  if (existsSync(deviationsFile)) {
    const result = deviationsFileSchema.safeParse(readJson(deviationsFile));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const index = issue.path[0] === "deviations" && typeof issue.path[1] === "number" ? issue.path[1] : null;
      throw new SeedError(`deviations.json${index !== null ? `, avvik nr. ${index + 1}` : ""}: ${result.error.issues.map(describe).join("; ")}`);
    }
    deviations = result.data;
  }

  const dataset: Dataset = { counties, regions, municipalities, sectors, taskAreas, legalForms, arrangements, baseline, deviations };
  validateReferences(dataset);
  return dataset;
}

/** Cross-record rules: unknown references, duplicates, host among participants. */
export function validateReferences(dataset: Dataset): void {
  const fail = (message: string) => {
    throw new SeedError(message);
  };
  for (const [label, values] of [
    ["fylke", dataset.counties.map((c) => c.key)],
    ["region", dataset.regions.map((r) => r.slug)],
    ["kommune", dataset.municipalities.map((m) => m.slug)],
    ["sektor", dataset.sectors.map((s) => s.code)],
    ["oppgaveområde", dataset.taskAreas.map((t) => t.slug)],
    ["juridisk form", dataset.legalForms.map((l) => l.code)],
    ["ordning (id)", dataset.arrangements.map((a) => a.id)],
  ] as const) {
    const dupes = duplicates([...values]);
    if (dupes.length) fail(`Duplikat ${label}: ${dupes.join(", ")}`);
  }
  const byName = new Map<string, (typeof dataset.arrangements)[number]>();
  for (const a of dataset.arrangements) {
    const key = (a.correctedName ?? a.name).toLocaleLowerCase("nb");
    const first = byName.get(key);
    if (first) fail(`${a.file}, ordning «${a.id}»: samme navn som ordning «${first.id}» (${first.file}): «${a.correctedName ?? a.name}»`);
    byName.set(key, a);
  }

  const counties = new Set(dataset.counties.map((c) => c.key));
  const regions = new Set(dataset.regions.map((r) => r.slug));
  const municipalities = new Set(dataset.municipalities.map((m) => m.slug));
  const sectors = new Set(dataset.sectors.map((s) => s.code));
  const taskAreas = new Set(dataset.taskAreas.map((t) => t.slug));
  const legalForms = new Set(dataset.legalForms.map((l) => l.code));

  for (const m of dataset.municipalities) {
    if (m.region && !regions.has(m.region)) fail(`municipalities.json, kommune «${m.slug}»: ukjent region «${m.region}»`);
    for (const c of m.counties) if (!counties.has(c.county)) fail(`municipalities.json, kommune «${m.slug}»: ukjent fylke «${c.county}»`);
  }
  for (const t of dataset.taskAreas) {
    if (t.sector && !sectors.has(t.sector)) fail(`task-areas.json, «${t.slug}»: ukjent sektor «${t.sector}»`);
  }
  const deviationIds = duplicates((dataset.deviations?.deviations ?? []).map((d) => d.id));
  if (deviationIds.length) fail(`deviations.json: duplikat avvik: ${deviationIds.join(", ")}`);
  for (const d of dataset.deviations?.deviations ?? []) {
    if (d.municipality && !municipalities.has(d.municipality)) fail(`deviations.json, avvik «${d.id}»: ukjent kommune «${d.municipality}»`);
    if (d.taskArea && !taskAreas.has(d.taskArea)) fail(`deviations.json, avvik «${d.id}»: ukjent oppgaveområde «${d.taskArea}»`);
  }
  for (const a of dataset.arrangements) {
    const where = `${a.file}, ordning «${a.id}»`;
    if (!sectors.has(a.sector)) fail(`${where}: ukjent sektor «${a.sector}»`);
    for (const t of a.taskAreas) if (!taskAreas.has(t)) fail(`${where}: ukjent oppgaveområde «${t}»`);
    if (a.legalForm && !legalForms.has(a.legalForm.code)) fail(`${where}: ukjent juridisk form «${a.legalForm.code}»`);
    const participantSlugs = a.participants.map((p) => p.municipality);
    for (const p of participantSlugs) if (!municipalities.has(p)) fail(`${where}: ukjent kommune «${p}»`);
    const dupes = duplicates(participantSlugs);
    if (dupes.length) fail(`${where}: kommunen er oppført flere ganger som deltaker: ${dupes.join(", ")}`);
    if (a.host) {
      if (!municipalities.has(a.host.municipality)) fail(`${where}: ukjent vertskommune «${a.host.municipality}»`);
      if (!participantSlugs.includes(a.host.municipality)) fail(`${where}: vertskommunen «${a.host.municipality}» er ikke blant deltakerne`);
    }
    for (const p of a.participants) {
      if (p.joined && p.left && p.left < p.joined) fail(`${where}: deltaker «${p.municipality}» gikk ut før den gikk inn`);
    }
  }
}
