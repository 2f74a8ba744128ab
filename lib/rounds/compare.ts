import type { SnapshotArrangement, SnapshotDocument } from "./snapshot-document";

/**
 * Comparing two snapshot documents (or a snapshot with today's registry, built the same way):
 * new, ended and changed arrangements, and per-municipality counts then and now. Pure.
 */
export interface ArrangementRef {
  id: number;
  slug: string;
  name: string;
}

export interface FieldChange {
  field: "name" | "sector" | "legalForm" | "host" | "participants";
  label: string;
  before: string;
  after: string;
}

export interface ChangedArrangement extends ArrangementRef {
  changes: FieldChange[];
  /** Municipality ids that joined / left between the two. */
  joined: number[];
  left: number[];
}

export interface MunicipalityCount {
  id: number;
  slug: string;
  name: string;
  before: number;
  after: number;
  difference: number;
}

export interface Comparison {
  from: { asOf: string; count: number };
  to: { asOf: string; count: number };
  added: ArrangementRef[];
  ended: (ArrangementRef & { endDate: string | null })[];
  changed: ChangedArrangement[];
  municipalities: MunicipalityCount[];
}

const ref = (a: SnapshotArrangement): ArrangementRef => ({ id: a.id, slug: a.slug, name: a.name });
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "nb");

/**
 * `endDates` gives the registry's end date of arrangements missing from `to` (a snapshot stores
 * only the arrangements active on its day), so the page can say when they ended.
 */
export function compareDocuments(from: SnapshotDocument, to: SnapshotDocument, options: { municipalityId?: number; endDates?: ReadonlyMap<number, string | null> } = {}): Comparison {
  const names = new Map<number, string>();
  for (const m of [...from.municipalities, ...to.municipalities]) names.set(m.id, m.name);
  const nameOf = (id: number | null) => (id === null ? "Ingen" : (names.get(id) ?? `Kommune ${id}`));
  const inScope = (a: SnapshotArrangement) =>
    options.municipalityId === undefined || a.participants.some((p) => p.municipalityId === options.municipalityId) || a.hostMunicipalityId === options.municipalityId;

  // An arrangement the municipality takes part in on either day: joining one is a change, not a new arrangement.
  const relevant = new Set([...from.arrangements, ...to.arrangements].filter(inScope).map((a) => a.id));
  const before = new Map(from.arrangements.filter((a) => relevant.has(a.id)).map((a) => [a.id, a]));
  const after = new Map(to.arrangements.filter((a) => relevant.has(a.id)).map((a) => [a.id, a]));
  const added = [...after.values()]
    .filter((a) => !before.has(a.id))
    .map(ref)
    .sort(byName);
  const ended = [...before.values()]
    .filter((a) => !after.has(a.id))
    .map((a) => ({ ...ref(a), endDate: options.endDates?.get(a.id) ?? null }))
    .sort(byName);
  const changed: ChangedArrangement[] = [];
  for (const [id, a] of before) {
    const b = after.get(id);
    if (!b) continue;
    const changes: FieldChange[] = [];
    if (a.name !== b.name) changes.push({ field: "name", label: "Navn", before: a.name, after: b.name });
    if (a.sector !== b.sector) changes.push({ field: "sector", label: "Sektor", before: a.sector, after: b.sector });
    if (a.legalForm !== b.legalForm) changes.push({ field: "legalForm", label: "Tilknytningsform", before: a.legalFormName ?? "Ikke registrert", after: b.legalFormName ?? "Ikke registrert" });
    if (a.hostMunicipalityId !== b.hostMunicipalityId) changes.push({ field: "host", label: "Vertskommune", before: nameOf(a.hostMunicipalityId), after: nameOf(b.hostMunicipalityId) });
    const was = new Set(a.participants.map((p) => p.municipalityId));
    const is = new Set(b.participants.map((p) => p.municipalityId));
    const joined = [...is].filter((m) => !was.has(m)).sort((x, y) => nameOf(x).localeCompare(nameOf(y), "nb"));
    const left = [...was].filter((m) => !is.has(m)).sort((x, y) => nameOf(x).localeCompare(nameOf(y), "nb"));
    if (joined.length || left.length) {
      const parts = [...joined.map((m) => `+ ${nameOf(m)}`), ...left.map((m) => `− ${nameOf(m)}`)];
      changes.push({ field: "participants", label: "Deltakere", before: `${was.size} kommuner`, after: `${is.size} kommuner (${parts.join(", ")})` });
    }
    if (changes.length) changed.push({ ...ref(b), changes, joined, left });
  }
  changed.sort(byName);

  const count = (doc: Map<number, SnapshotArrangement>) => {
    const counts = new Map<number, number>();
    for (const a of doc.values()) for (const m of new Set(a.participants.map((p) => p.municipalityId))) counts.set(m, (counts.get(m) ?? 0) + 1);
    return counts;
  };
  const countsBefore = count(before);
  const countsAfter = count(after);
  const municipalities = new Map<number, { id: number; slug: string; name: string }>();
  for (const m of [...from.municipalities, ...to.municipalities]) {
    if (m.inSurveyScope || countsBefore.has(m.id) || countsAfter.has(m.id)) municipalities.set(m.id, { id: m.id, slug: m.slug, name: m.name });
  }
  const perMunicipality = [...municipalities.values()]
    .filter((m) => options.municipalityId === undefined || m.id === options.municipalityId)
    .map((m) => {
      const b = countsBefore.get(m.id) ?? 0;
      const n = countsAfter.get(m.id) ?? 0;
      return { ...m, before: b, after: n, difference: n - b };
    })
    .sort((x, y) => byName(x, y) || x.id - y.id);

  return {
    from: { asOf: from.asOf, count: from.arrangements.filter(inScope).length },
    to: { asOf: to.asOf, count: to.arrangements.filter(inScope).length },
    added,
    ended,
    changed,
    municipalities: perMunicipality,
  };
}
