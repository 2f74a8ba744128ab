import { prisma } from "@/lib/db";

/**
 * Where each fact about an arrangement came from, for the arrangement page and the API.
 *
 * `provenanceFor(arrangementId)` returns the Provenance rows of one arrangement grouped by field,
 * followed by the sources of its participant list and staffing figures, each with a Norwegian
 * label. An unknown id gives an empty list. Citation form: "NIVI 2021, Tabell 5.2, rad 14"
 * (see docs/data.md).
 */

export type ProvenanceConfidence = "STATED" | "INFERRED";

export interface ProvenanceEntry {
  source: string;
  confidence: ProvenanceConfidence;
  /** "Oppgitt i rapporten" or "Utledet". */
  confidenceLabel: string;
  /** How an inferred fact was derived (bokmål), or null. */
  note: string | null;
}

export interface ProvenanceGroup {
  /** arrangement, host, legalForm, established, taskAreas, participants, staffing (or any other stored field). */
  field: string;
  /** Norwegian label for the field, e.g. "Vertskommune". */
  label: string;
  entries: ProvenanceEntry[];
}

export const CONFIDENCE_LABELS: Record<ProvenanceConfidence, string> = {
  STATED: "Oppgitt i rapporten",
  INFERRED: "Utledet",
};

export const FIELD_LABELS: Record<string, string> = {
  arrangement: "Ordningen (navn, sektor og deltakere)",
  host: "Vertskommune",
  legalForm: "Juridisk tilknytningsform",
  established: "Etableringsår",
  taskAreas: "Oppgaveområder",
  participants: "Deltakerkommuner",
  staffing: "Årsverk",
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);

function entry(source: string, confidence: ProvenanceConfidence, note: string | null): ProvenanceEntry {
  return { source, confidence, confidenceLabel: CONFIDENCE_LABELS[confidence], note };
}

export async function provenanceFor(arrangementId: number): Promise<ProvenanceGroup[]> {
  const [rows, participations, staffing] = await Promise.all([
    prisma.provenance.findMany({ where: { arrangementId }, orderBy: { id: "asc" } }),
    prisma.participation.findMany({ where: { arrangementId, source: { not: null } }, select: { source: true }, orderBy: { id: "asc" } }),
    prisma.staffingRecord.findMany({ where: { arrangementId, source: { not: null } }, select: { source: true }, orderBy: { year: "asc" } }),
  ]);
  const groups = new Map<string, ProvenanceEntry[]>();
  const add = (field: string, value: ProvenanceEntry) => {
    const list = groups.get(field) ?? [];
    // The same citation twice in one group says nothing new.
    if (!list.some((e) => e.source === value.source && e.confidence === value.confidence && e.note === value.note)) list.push(value);
    groups.set(field, list);
  };
  for (const row of rows) add(row.field, entry(row.source, row.confidence, row.note));
  for (const p of participations) add("participants", entry(p.source!, "STATED", null));
  for (const s of staffing) add("staffing", entry(s.source!, "STATED", null));
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([field, entries]) => ({ field, label: FIELD_LABELS[field] ?? field, entries }));
}
