import "server-only";
import { prisma } from "@/lib/db";

/**
 * The report's printed figures ("Rapport 2021"), read from ReportBaseline (loaded from
 * seed/data/baseline.json). Private to lib/stats: pages get them through the stats modules' results.
 * Shapes below cover the keys the statistics pages use; see seed/data/baseline.json.
 */
export interface BaselineShapes {
  totalArrangements: number;
  surveyedMunicipalities: { value: number; source: string };
  surveyFileCompleted: string;
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
    tables: Record<string, { table: string; source: string; note?: string; rows: { nr: number; name: string; participants: string[]; participantSlugs?: string[] }[] }>;
  };
  taskAreas: { taskArea: string; nameAsPrinted: string; row: number; count: number; percent: number; trondelag2020Percent: number | null; source: string }[];
  taskAreasNote: string;
  hostsOutsideArea: { total: number; source: string; hosts: { municipality: string; count: number }[] };
  hostSummary: { arrangementsWithHost: number; hostsOutsideArea: number; hostsInsideArea: number; source: string; note?: string };
  legalForms: { code?: string; codes?: string[]; group?: string; percent?: number; count?: number | null; approximateFraction?: number; text: string; source: string; note?: string }[];
  legalFormsNote: string;
  sectors: { code: string; count: number; percent: number | null; source: string; note?: string; text?: string }[];
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
  knownErrors: { topic: string; description: string; source: string }[];
}

export type BaselineKey = keyof BaselineShapes;

export type Baseline<K extends BaselineKey> = { [P in K]: BaselineShapes[P] | null } & { source: string };

/** Reads several baseline entries in one query; a missing entry is null (the page then says "ikke trykt"). */
export async function readBaseline<K extends BaselineKey>(keys: readonly K[]): Promise<Baseline<K>> {
  const rows = await prisma.reportBaseline.findMany({ where: { key: { in: [...keys] } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const result = { source: rows[0]?.source ?? "NIVI 2021" } as Record<string, unknown>;
  for (const key of keys) result[key] = (byKey.get(key)?.data as unknown) ?? null;
  return result as Baseline<K>;
}
