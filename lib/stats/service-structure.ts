import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineComposite } from "./engine/statistic";
import { joinTaskAreaParts, taskAreaArrangementsPart, taskAreaMunicipalitiesPart, type TaskAreaMunicipalities } from "./task-area-participation";

/**
 * Avsnitt 3.4: "12 IKT-tjenester, hvorav 9 kommunale og 3 interkommunale". For a task area:
 * municipal services = municipalities in scope that take part in no active arrangement of the area
 * (they solve it alone); intermunicipal services = distinct active arrangements of the area with at
 * least one participant in scope; services = the sum.
 */
export interface ServiceStructureRow {
  taskArea: string;
  name: string;
  /** The report's wording for the task (avsnitt 3.4), when the report has a line for it. */
  reportTask: string | null;
  services: number;
  municipal: number;
  intermunicipal: number;
}

/** The report's tasks in avsnitt 3.4, in its order, and the task area each one is. */
export const REPORT_SERVICE_TASKS: { reportTask: string; taskArea: string }[] = [
  { reportTask: "IKT-tjenester", taskArea: "felles-ikt-tjeneste" },
  { reportTask: "Lønningskontor", taskArea: "lonn" },
  { reportTask: "Regnskapskontor", taskArea: "regnskap" },
  { reportTask: "Revisjonstjenester", taskArea: "revisjon" },
  { reportTask: "Kontrollutvalgssekretariat", taskArea: "kontrollutvalgssekretariat" },
  { reportTask: "Legevakter", taskArea: "legevakt" },
  { reportTask: "Legevaktsentraler", taskArea: "legevaktsentral" },
  { reportTask: "Samfunnsmedisinske tjenester", taskArea: "samfunnsmedisink-enhet-felles-kommuneoverlege" },
  { reportTask: "Barneverntjenester", taskArea: "barnevern" },
  { reportTask: "Barnevernvakter", taskArea: "barnevernvakt" },
  { reportTask: "NAV-kontor", taskArea: "felles-nav-kontor" },
  { reportTask: "Krisesentre", taskArea: "krisesenter" },
  { reportTask: "PP-tjenester", taskArea: "ppt" },
  { reportTask: "Landbrukskontor", taskArea: "felles-landbrukskontor" },
  { reportTask: "Interkommunale utvalg mot akutt forurensning (IUA)", taskArea: "akutt-forurensning-iua" },
  { reportTask: "Brannvesen", taskArea: "felles-brannvesen" },
  { reportTask: "110-sentraler", taskArea: "brann-110-sentral" },
  { reportTask: "Miljø- og avfallsbedrifter", taskArea: "renovasjon-miljo-og-avfallsbedrift" },
  { reportTask: "Planadministrasjoner", taskArea: "felles-planadministrasjon-plankontor" },
  { reportTask: "Byggesakskontor", taskArea: "byggesak" },
  { reportTask: "Kart- og oppmålingstjenester", taskArea: "gis-kart-og-oppmaling" },
];

type ServiceRow = { taskArea: string; name: string; sortOrder: number; municipal: number; intermunicipal: number };

export const serviceStructureStatistic = defineComposite({
  name: "serviceStructure",
  parts: [taskAreaMunicipalitiesPart, taskAreaArrangementsPart],
  combine: (parts: [TaskAreaMunicipalities[], Map<string, number>]) =>
    orderLikeReport(joinTaskAreaParts(parts).map((r) => ({ taskArea: r.slug, name: r.name, sortOrder: r.sortOrder, municipal: r.scopeSize - r.municipalities, intermunicipal: r.arrangements }))),
});

/** Every task area; the report's 21 tasks first, in the report's order. */
export const serviceStructureByTaskArea = (query: StatsQuery) => computeStatistic(serviceStructureStatistic, query);

function orderLikeReport(rows: ServiceRow[]): ServiceStructureRow[] {
  const order = new Map(REPORT_SERVICE_TASKS.map((t, i) => [t.taskArea, i]));
  const reportTask = new Map(REPORT_SERVICE_TASKS.map((t) => [t.taskArea, t.reportTask]));
  return rows
    .map((r) => ({ ...r, reportTask: reportTask.get(r.taskArea) ?? null, services: r.municipal + r.intermunicipal }))
    .sort((a, b) => (order.get(a.taskArea) ?? 1000) - (order.get(b.taskArea) ?? 1000));
}
