import type { ExportColumn } from "@/lib/export/types";
import { LEVEL_NAMES } from "@/lib/domain/levels";
import { enhetsregisteretUrl } from "@/lib/domain/orgnr";
import { ARRANGEMENT_COLUMNS, type ArrangementColumnId } from "./columns";
import type { ArrangementRow } from "./types";

/**
 * The columns of the arrangements download (the visible table columns plus participants, codes,
 * source and link). Written by lib/export: CSV for Norwegian Excel (semicolon, BOM, CRLF, formulas
 * neutralised) and XLSX.
 */
const VALUE: Record<ArrangementColumnId, (row: ArrangementRow) => string | number> = {
  navn: (r) => r.name,
  sektor: (r) => r.sector.name,
  oppgave: (r) => r.taskAreas.map((t) => t.name).join(", "),
  form: (r) => (r.legalForm ? `${r.legalForm.name}${r.legalForm.inferred ? " (utledet)" : ""}` : ""),
  vert: (r) => r.host?.name ?? "",
  deltakere: (r) => r.participantCount,
  nivaa: (r) => LEVEL_NAMES[r.level],
  etablert: (r) => r.establishedLabel,
  kryss: (r) => (r.crossCounty ? "Ja" : "Nei"),
};

const WIDTH: Partial<Record<ArrangementColumnId, number>> = { navn: 50, sektor: 30, oppgave: 30, form: 36 };

export function arrangementExportColumns(hidden: ArrangementColumnId[], baseUrl: string): ExportColumn<ArrangementRow>[] {
  return [
    ...ARRANGEMENT_COLUMNS.filter((c) => !hidden.includes(c.id)).map((c): ExportColumn<ArrangementRow> => ({ header: c.label, value: VALUE[c.id], width: WIDTH[c.id] })),
    { header: "Deltakerkommuner", value: (r) => r.participants.map((p) => p.name).join(", "), width: 60 },
    { header: "Kommunenummer (deltakere)", value: (r) => r.participants.map((p) => p.code ?? "").join(", "), width: 40 },
    // Text, not a number: a CSV opened in Excel keeps it as nine digits, and the XLSX cell is a string.
    { header: "Organisasjonsnummer", value: (r) => r.orgNr ?? "", width: 16 },
    { header: "Enhetsregisteret", value: (r) => (r.orgNr ? enhetsregisteretUrl(r.orgNr) : ""), width: 60 },
    { header: "Kilde", value: (r) => r.source ?? "", width: 36 },
    { header: "Lenke", value: (r) => `${baseUrl}/ordninger/${r.slug}`, width: 50 },
  ];
}
