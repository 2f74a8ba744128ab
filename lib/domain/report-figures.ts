/**
 * The one typed reader of the report's printed figures ("Rapport 2021": NIVI Analyse 2021,
 * «Interkommunalt samarbeid i Buskerud»). The figures are data: seed/data/baseline.json (keys
 * described in seed/FORMAT.md), loaded into the ReportBaseline table (key → JSON) together with the
 * documented deviations (seed/data/deviations.json, key `deviations`). The statistics, their pages,
 * the municipality and region pages and the scripts all read them through this module: from the
 * database (readReportFigures, given the Prisma client) or from the seed file's contents
 * (reportFiguresFromSeed). Pure: no database client of its own, nothing above lib/domain.
 */

/** The column header and label of the printed figures everywhere in the product. */
export const REPORT_LABEL = "Rapport 2021";
/** The short citation of the report ("NIVI 2021, Tabell 3.2"). */
export const REPORT_CITATION = "NIVI 2021";

/** One figure the registry deliberately differs from, with the reason (deviations.json, docs/decisions/0010). */
export interface DeviationFigure {
  id: string;
  /** arrangementsPerMunicipality, meanPerMunicipality, meanByPopulationClass, maxPerMunicipality,
   *  chapter4List, taskAreaParticipation, hostCount, hostCountOutsideArea, hostCountInsideAreaTotal,
   *  hostCountOutsideAreaTotal, arrangementsWithHost. */
  statistic: string;
  municipality: string | null;
  taskArea: string | null;
  key: string | null;
  /** The figure printed in the report. */
  printed: number;
  /** The same figure computed from the registry as seeded in 2021. */
  registry: number;
  /** REPORT_ERROR: the report contradicts its own lists. NOT_IN_REPORT: the report lacks item-level data. */
  cause: "REPORT_ERROR" | "NOT_IN_REPORT";
  /** Why they differ (bokmål), ready to show as "Rapport 2021: 48 — registeret: 44 — fordi …". */
  reason: string;
  /** Where in the report the printed figure stands. */
  source: string;
}

export interface PrintedTableRow {
  nr: number;
  name: string;
  participants: string[];
  participantSlugs?: string[];
}

/** The shape of each key of the printed figures used by the product (see seed/data/baseline.json). */
export interface ReportFigureShapes {
  totalArrangements: number;
  surveyedMunicipalities: { value: number; source: string };
  surveyFileCompleted: string;
  regionPopulations: { region: string; label: string; population: number; year: number; source: string }[];
  perMunicipality: { municipality: string; nameAsPrinted: string; population2021: number; total: number; hosts: number; assisted: number; source: string; note?: string }[];
  meanPerMunicipality: { value: number; source: string; comparison?: { area: string; value: number }[] };
  range: { min: { municipality: string; value: number }; max: { municipality: string; value: number }; source: string; note?: string };
  meanByPopulationClass: { class: string; label: string; mean: number; municipalities: number; source: string }[];
  levels: { local: number; regional: number; higher: number; localPercent: number; regionalPercent: number; higherPercent: number; source: string; note?: string };
  establishmentPeriods: { n: number; source: string; note?: string; periods: { period: string; label: string; count: number; percent: number }[] };
  newArrangements: { from: number; to: number; count: number; source: string; note?: string; list: { nr: number; name: string; year: number | null }[] };
  perYear: { n: number; source: string; note?: string; years: { year: number; count: number }[] | null };
  crossCounty: {
    total: number;
    source: string;
    groups: { key: string; name: string; count: number; detail?: Record<string, number>; table: string; note?: string }[];
    tables: Record<string, { table: string; source: string; note?: string; rows: PrintedTableRow[] }>;
  };
  taskAreas: { taskArea: string; nameAsPrinted: string; row: number; count: number; percent: number; trondelag2020Percent: number | null; source: string }[];
  taskAreasNote: string;
  hostsOutsideArea: { total: number; source: string; hosts: { municipality: string; count: number }[] };
  hostSummary: { arrangementsWithHost: number; hostsOutsideArea: number; hostsInsideArea: number; source: string; note?: string };
  legalForms: { code?: string; codes?: string[]; group?: string; percent?: number; count?: number | null; approximateFraction?: number; text: string; source: string; note?: string }[];
  legalFormsNote: string;
  sectors: { code: string; count: number; percent: number | null; source: string; note?: string; text?: string }[];
  sectorsText: { codes: string[]; text: string; source: string }[];
  sectorsNote: string;
  staffing: {
    hallingdal: { total: number; source: string; note?: string; rows: { nr: number; name: string; municipalities: string[]; fte: number; source: string; note?: string }[] };
    childWelfare: {
      source: string;
      nationalRecommendationMinFte: number;
      sum: { fte: number; qualifiedFte: number; qualifiedPercent: number };
      rows: { nr: number; service: string; municipalities: string[]; intermunicipal: boolean; fte: number; qualifiedFte: number; qualifiedPercent: number }[];
    };
    nav: {
      source: string;
      asOf: string;
      note?: string;
      sum: { municipalFte: number; stateFte: number; totalFte: number };
      rows: { nr: number; office: string; municipalities: string[]; leadership: string; municipalFte: number; stateFte: number; totalFte: number }[];
    };
    ppt: {
      source: string;
      schoolYear: string;
      note?: string;
      sum: { professionalFte: number; leadershipFte: number; clericalFte: number; totalFte: number };
      rows: { nr: number; service: string; municipalities: string[]; professionalFte: number; leadershipFte: number; clericalFte: number; totalFte: number; note?: string; inconsistent?: boolean }[];
    };
  };
  serviceStructure: { task: string; totalServices: number; municipal: number; intermunicipal: number; text: string; source: string; inconsistent: boolean; note?: string }[];
  chapter4Lists: { municipality: string; table: string; count: number; rows: PrintedTableRow[] }[];
  knownErrors: { topic: string; description: string; source?: string }[];
  deviations: DeviationFigure[];
}

export type ReportFigureKey = keyof ReportFigureShapes;

/** The requested keys, each null when the report (or the database) does not have it, and the report's citation. */
export type ReportFigures<K extends ReportFigureKey> = { [P in K]: ReportFigureShapes[P] | null } & { source: string };

/** One stored entry: a row of ReportBaseline or a key of baseline.json. */
export interface ReportFigureEntry {
  key: string;
  source: string;
  data: unknown;
}

/** The part of the Prisma client the reader needs (the ReportBaseline table). */
export interface ReportFigureStore {
  reportBaseline: {
    findMany(args: { where: { key: { in: string[] } } }): Promise<{ key: string; source: string; data: unknown }[]>;
  };
}

function deviationOf(d: Partial<DeviationFigure>): DeviationFigure {
  return {
    id: String(d.id),
    statistic: String(d.statistic),
    municipality: d.municipality ?? null,
    taskArea: d.taskArea ?? null,
    key: d.key ?? null,
    printed: Number(d.printed),
    registry: Number(d.registry),
    cause: d.cause === "NOT_IN_REPORT" ? "NOT_IN_REPORT" : "REPORT_ERROR",
    reason: String(d.reason),
    source: String(d.source),
  };
}

/** The typed view of stored entries: every requested key (null when absent), deviations normalised. */
export function reportFiguresOf<K extends ReportFigureKey>(entries: ReportFigureEntry[], keys: readonly K[]): ReportFigures<K> {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const result: Record<string, unknown> = { source: entries.find((e) => keys.includes(e.key as K))?.source ?? REPORT_CITATION };
  for (const key of keys) {
    const data = byKey.get(key)?.data ?? null;
    result[key] = key === "deviations" && Array.isArray(data) ? data.map((d) => deviationOf(d as Partial<DeviationFigure>)) : data;
  }
  return result as ReportFigures<K>;
}

/** Several keys in one query from the ReportBaseline table (pass the app's Prisma client). */
export async function readReportFigures<K extends ReportFigureKey>(store: ReportFigureStore, keys: readonly K[]): Promise<ReportFigures<K>> {
  const rows = await store.reportBaseline.findMany({ where: { key: { in: [...keys] } } });
  return reportFiguresOf(rows, keys);
}

/**
 * The same view over the seed files' contents (baseline.json as parsed, and optionally the
 * deviations of deviations.json): for scripts and tests that read the files, not the database.
 */
export function reportFiguresFromSeed<K extends ReportFigureKey>(baseline: Record<string, unknown> | null, keys: readonly K[], deviations: unknown[] | null = null): ReportFigures<K> {
  const source = typeof baseline?.source === "string" ? baseline.source : REPORT_CITATION;
  const entries: ReportFigureEntry[] = Object.entries(baseline ?? {}).map(([key, data]) => ({ key, source, data }));
  if (deviations) entries.push({ key: "deviations", source, data: deviations });
  return reportFiguresOf(entries, keys);
}

/** A printed row of one municipality (Tabell 3.2), by slug. */
export function printedMunicipality(figures: Pick<ReportFigures<"perMunicipality">, "perMunicipality">, slug: string): ReportFigureShapes["perMunicipality"][number] | null {
  return figures.perMunicipality?.find((p) => p.municipality === slug) ?? null;
}
