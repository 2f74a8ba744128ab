import type { QualityFinding } from "@/lib/quality/rules";
import type { ArrangementRow } from "./types";

/** The data-quality findings as the API shows them (`kvalitet`). */
export function qualityToApi(findings: readonly QualityFinding[]) {
  return findings.map((f) => ({ kode: f.code, tittel: f.title, melding: f.message, grunnlag: f.legalBasis }));
}

/**
 * The public JSON shape of one arrangement in GET /api/v1/ordninger (Norwegian field names), with
 * its data-quality findings (lib/quality; an ended arrangement has none).
 */
export function arrangementToApi(row: ArrangementRow, findings: readonly QualityFinding[] = []) {
  return {
    id: row.slug,
    navn: row.name,
    kortnavn: row.shortName,
    sektor: { kode: row.sector.code, navn: row.sector.name },
    oppgaver: row.taskAreas.map((t) => ({ id: t.slug, navn: t.name })),
    juridiskForm: row.legalForm ? { kode: row.legalForm.code, navn: row.legalForm.name, utledet: row.legalForm.inferred } : null,
    vertskommune: row.host ? { kommunenummer: row.host.code, navn: row.host.name } : null,
    deltakere: row.participants.map((p) => ({ kommunenummer: p.code, navn: p.name, rolle: p.role })),
    antallDeltakere: row.participantCount,
    nivaa: row.level,
    overFylkesgrense: row.crossCounty,
    etableringsaar: row.establishedYear,
    etablert: row.establishedLabel,
    sluttdato: row.endDate,
    aktiv: row.active,
    organisasjonsnummer: row.orgNr,
    kilde: row.source,
    lenke: `/ordninger/${row.slug}`,
    kvalitet: qualityToApi(findings),
  };
}
