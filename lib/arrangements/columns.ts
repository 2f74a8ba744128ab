/** The columns of the arrangements table, shared by the page, the URL state and the downloads. */
export const ARRANGEMENT_COLUMNS = [
  { id: "navn", label: "Navn", sortable: true, hideable: false },
  { id: "sektor", label: "Sektor", sortable: true, hideable: true },
  { id: "oppgave", label: "Oppgaveområde", sortable: true, hideable: true },
  { id: "form", label: "Juridisk form", sortable: true, hideable: true },
  { id: "vert", label: "Vertskommune", sortable: true, hideable: true },
  { id: "deltakere", label: "Deltakere", sortable: true, hideable: true },
  { id: "nivaa", label: "Nivå", sortable: true, hideable: true },
  { id: "etablert", label: "Etablert", sortable: true, hideable: true },
  { id: "kryss", label: "Over fylkesgrense", sortable: true, hideable: true },
] as const;

export type ArrangementColumnId = (typeof ARRANGEMENT_COLUMNS)[number]["id"];
export const COLUMN_IDS = ARRANGEMENT_COLUMNS.map((c) => c.id) as [ArrangementColumnId, ...ArrangementColumnId[]];
export const SORT_KEYS = [...COLUMN_IDS, "relevans"] as const;
export type ArrangementSortKey = (typeof SORT_KEYS)[number];

export const LEVELS = [
  { id: "lokalt", label: "Lokalt (2–3 kommuner)" },
  { id: "regionalt", label: "Regionalt (4–8 kommuner)" },
  { id: "hoyere", label: "Høyere nivå (9 eller flere)" },
] as const;
export type Level = (typeof LEVELS)[number]["id"];

export const LEVEL_NAMES: Record<Level, string> = { lokalt: "Lokalt", regionalt: "Regionalt", hoyere: "Høyere nivå" };

/** Geographic level by the number of participating municipalities, counting those outside the 25 (DOMAIN.md §3). */
export function levelOf(participantCount: number): Level {
  if (participantCount <= 3) return "lokalt";
  if (participantCount <= 8) return "regionalt";
  return "hoyere";
}

/** Establishment periods of Tabell 2.1, plus the years after the survey and "unknown". */
export const ESTABLISHED_PERIODS = [
  { id: "etter-2021", label: "2022 eller senere" },
  { id: "2015-2021", label: "2015–2021" },
  { id: "2000-2014", label: "2000–2014" },
  { id: "for-2000", label: "Før 2000" },
  { id: "uspesifisert", label: "Over lenger tid (uspesifisert)" },
  { id: "ukjent", label: "Ukjent" },
] as const;
export type EstablishedPeriod = (typeof ESTABLISHED_PERIODS)[number]["id"];
