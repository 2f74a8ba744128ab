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
