import { QUALITY_RULES } from "./rules";

/**
 * The quality dashboard's counts from arrangements and their findings: per rule, and per
 * municipality (an arrangement counts for every municipality taking part in it today or later).
 * Pure, so the integration test can compare it with the rules applied one arrangement at a time.
 */
export interface SummaryInput {
  arrangement: { id: number; participantIds: number[] };
  findings: { code: string }[];
}

export interface RuleCount {
  code: string;
  title: string;
  legalBasis: string;
  /** Arrangements with this finding. */
  count: number;
}

export interface MunicipalityCount {
  municipalityId: number;
  /** Arrangements the municipality takes part in. */
  arrangements: number;
  /** Of those, arrangements with at least one finding. */
  withFindings: number;
  /** Findings over all its arrangements. */
  findings: number;
  byRule: Record<string, number>;
}

export interface QualitySummary {
  arrangements: number;
  withFindings: number;
  findings: number;
  rules: RuleCount[];
  municipalities: Map<number, MunicipalityCount>;
}

export function summarize(rows: readonly SummaryInput[]): QualitySummary {
  const byRule = new Map<string, number>(QUALITY_RULES.map((r) => [r.code, 0]));
  const municipalities = new Map<number, MunicipalityCount>();
  let withFindings = 0;
  let findings = 0;
  for (const row of rows) {
    const codes = new Set(row.findings.map((f) => f.code));
    if (codes.size) withFindings++;
    findings += codes.size;
    for (const code of codes) byRule.set(code, (byRule.get(code) ?? 0) + 1);
    for (const municipalityId of new Set(row.arrangement.participantIds)) {
      let m = municipalities.get(municipalityId);
      if (!m) municipalities.set(municipalityId, (m = { municipalityId, arrangements: 0, withFindings: 0, findings: 0, byRule: {} }));
      m.arrangements++;
      if (codes.size) m.withFindings++;
      m.findings += codes.size;
      for (const code of codes) m.byRule[code] = (m.byRule[code] ?? 0) + 1;
    }
  }
  return {
    arrangements: rows.length,
    withFindings,
    findings,
    rules: QUALITY_RULES.map((r) => ({ code: r.code, title: r.title, legalBasis: r.legalBasis, count: byRule.get(r.code) ?? 0 })),
    municipalities,
  };
}

/** The rows a filtered list shows: with a given rule's finding (or any), for a given municipality (or all). */
export function filterRows<R extends SummaryInput>(rows: readonly R[], filter: { rule?: string | null; municipalityId?: number | null }): R[] {
  return rows.filter(
    (r) => (filter.rule ? r.findings.some((f) => f.code === filter.rule) : r.findings.length > 0) && (filter.municipalityId == null || r.arrangement.participantIds.includes(filter.municipalityId)),
  );
}
