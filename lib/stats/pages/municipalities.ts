import { arrangementsPerMunicipality, POPULATION_CLASSES, populationClassOf, summarizeArrangementsPerMunicipality } from "../arrangements-per-municipality";
import type { StatsQuery } from "../engine/scope";
import type { StatPageBody, StatTable } from "../tables";
import { d1, inWords, n, pageFigures, REPORT, round1, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

export async function municipalitiesPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline] = await Promise.all([arrangementsPerMunicipality(query), pageFigures(["perMunicipality", "meanPerMunicipality", "meanByPopulationClass", "range", "deviations"] as const)]);
  const summary = summarizeArrangementsPerMunicipality(rows);
  const printed = new Map((baseline.perMunicipality ?? []).map((r) => [r.municipality, r]));
  const classLabel = new Map<string, string>(POPULATION_CLASSES.map((c) => [c.key, c.label]));
  // Ål: the report's total comes from Ål's own list, with rows that are not Ål's (deviations.json).
  const alPrinted = printed.get("al");
  const alDeviation = (baseline.deviations ?? []).find((d) => d.statistic === "arrangementsPerMunicipality" && d.municipality === "al");
  const table: StatTable = {
    id: "kommuner",
    title: "Antall ordninger per kommune",
    columns: [
      { key: "kommune", header: "Kommune" },
      { key: "kommunenummer", header: "Kommunenummer" },
      { key: "innbyggere", header: "Innbyggere 1.1.", numeric: true },
      { key: "klasse", header: "Størrelsesklasse" },
      { key: "ordninger", header: "Ordninger (registeret nå)", numeric: true },
      { key: "rapport", header: REPORT, numeric: true },
      { key: "avvik", header: "Forklaring på avvik" },
    ],
    rows: rows.map((r) => {
      const p = printed.get(r.slug);
      return {
        kommune: r.name,
        kommunenummer: r.code,
        innbyggere: r.population,
        klasse: classLabel.get(populationClassOf(r.population) ?? "") ?? "Ukjent",
        ordninger: r.arrangements,
        rapport: p?.total ?? null,
        avvik: p && p.total !== r.arrangements ? (p.note ?? "Registeret har endret seg siden kartleggingen.") : null,
      };
    }),
    source: "NIVI 2021, Figur 2.2 og 2.3, Tabell 3.2",
  };
  const printedClass = new Map((baseline.meanByPopulationClass ?? []).map((c) => [c.class, c]));
  const classTable: StatTable = {
    id: "snitt-storrelse",
    title: "Gjennomsnittlig antall ordninger etter kommunestørrelse",
    columns: [
      { key: "klasse", header: "Innbyggere" },
      { key: "kommuner", header: "Kommuner", numeric: true },
      { key: "snitt", header: "Snitt (registeret nå)", numeric: true, decimals: 1 },
      { key: "rapport", header: REPORT, numeric: true, decimals: 1 },
    ],
    rows: summary.byPopulationClass.map((c) => ({
      klasse: c.label,
      kommuner: c.municipalities,
      snitt: round1(c.mean),
      rapport: printedClass.get(c.key)?.mean ?? null,
    })),
    footer: { klasse: "Alle", kommuner: summary.municipalities, snitt: round1(summary.mean), rapport: baseline.meanPerMunicipality?.value ?? null },
    source: "NIVI 2021, avsnitt 2.2",
  };
  const al = rows.find((r) => r.slug === "al");
  /** The printed mean of Ål's size class includes the report's total for Ål; the member lists give the registry's. */
  const alClassNote = (): string[] => {
    const printedClassOfAl = alPrinted ? printedClass.get(populationClassOf(alPrinted.population2021) ?? "") : undefined;
    if (!alPrinted || !alDeviation || !printedClassOfAl) return [];
    return [
      `Rapportens snitt for kommuner ${printedClassOfAl.label.toLowerCase()} innbyggere (${d1(printedClassOfAl.mean)}) bygger på ${n(alPrinted.total)} ordninger for Ål; medlemslistene gir ${n(alDeviation.registry)}.`,
    ];
  };
  return {
    intro: "Antall samarbeidsordninger hver kommune deltar i på valgt dato, farget etter innbyggertall 1. januar. En ordning med flere kommuner telles hos hver av dem.",
    sections: [
      {
        id: "per-kommune",
        heading: "Antall ordninger per kommune",
        summary:
          rows.length === 0
            ? "Ingen kommuner i utvalget."
            : `${n(summary.municipalities)} kommuner deltar i gjennomsnitt i ${d1(summary.mean)} ordninger (${REPORT}: ${d1(baseline.meanPerMunicipality?.value)}). ` +
              `Færrest har ${summary.min!.name} med ${n(summary.min!.arrangements)}, flest har ${summary.max!.name} med ${n(summary.max!.arrangements)}` +
              (baseline.range ? ` (${REPORT}: ${n(baseline.range.min.value)} til ${n(baseline.range.max.value)}).` : "."),
        table,
        chart: {
          category: "kommune",
          series: [{ key: "ordninger", name: "Ordninger" }],
          layout: "horizontal",
          colorBy: "klasse",
          reference: summary.mean === null ? undefined : { value: summary.mean, label: `Snitt ${d1(summary.mean)}` },
        },
        notes: [
          ...(al && alPrinted && alPrinted.total !== al.arrangements
            ? [
                `Ål: rapporten oppgir ${n(alPrinted.total)}, men ${alDeviation ? inWords(alDeviation.printed - alDeviation.registry) : "noen"} rader i Ål-lista er ordninger der Ål ikke står i medlemslistene. Registeret følger medlemslistene.`,
              ]
            : []),
          ...scopeNote(query, baseline),
        ],
      },
      {
        id: "etter-storrelse",
        heading: "Snitt etter kommunestørrelse",
        summary: summary.byPopulationClass.map((c) => `${c.label} innbyggere: ${d1(c.mean)} (${n(c.municipalities)} kommuner, ${REPORT}: ${d1(printedClass.get(c.key)?.mean)})`).join(". ") + ".",
        table: classTable,
        chart: {
          category: "klasse",
          series: [
            { key: "snitt", name: LIVE_LABEL },
            { key: "rapport", name: REPORT },
          ],
          layout: "vertical",
          decimals: 1,
        },
        notes: [...alClassNote(), ...(summary.withoutPopulation > 0 ? [`${n(summary.withoutPopulation)} kommuner mangler innbyggertall og er ikke med i noen klasse.`] : [])],
      },
    ],
  };
}
