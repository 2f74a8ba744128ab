import "server-only";
import { listMunicipalities, type MunicipalitySummary } from "@/lib/municipalities";
import { qualityRows, type QualityRow } from "./load";
import { qualityRule } from "./rules";
import { filterRows, type MunicipalityCount, type QualitySummary, summarize } from "./summary";

export interface QualityDashboard {
  summary: QualitySummary;
  /** The 25 surveyed municipalities with their counts (zero counts included). */
  municipalities: (MunicipalityCount & { municipality: MunicipalitySummary })[];
  /** The filtered list, when a rule or a municipality is chosen. */
  list: QualityRow[] | null;
  filter: { rule: { code: string; title: string } | null; municipality: MunicipalitySummary | null };
}

/** The advisers' quality dashboard (app/kvalitet): counts per rule and per municipality, and a filtered list. */
export async function qualityDashboard(filter: { rule?: string | null; municipalityId?: number | null } = {}): Promise<QualityDashboard> {
  const [rows, all] = await Promise.all([qualityRows(), listMunicipalities()]);
  const summary = summarize(rows);
  const surveyed = all.filter((m) => m.inSurveyScope);
  const rule = filter.rule ? (qualityRule(filter.rule) ?? null) : null;
  const municipality = filter.municipalityId ? (all.find((m) => m.id === filter.municipalityId) ?? null) : null;
  return {
    summary,
    municipalities: surveyed.map((m) => ({ ...(summary.municipalities.get(m.id) ?? { municipalityId: m.id, arrangements: 0, withFindings: 0, findings: 0, byRule: {} }), municipality: m })),
    list: rule || municipality ? filterRows(rows, { rule: rule?.code ?? null, municipalityId: municipality?.id ?? null }) : null,
    filter: { rule: rule ? { code: rule.code, title: rule.title } : null, municipality },
  };
}
