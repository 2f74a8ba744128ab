import { formatDecimal, formatInteger, formatPercent } from "@/lib/format";
import {
  arrangementsPerMunicipality,
  populationClassOf,
  POPULATION_CLASSES,
  summarizeArrangementsPerMunicipality,
} from "./arrangements-per-municipality";
import { readBaseline } from "./baseline";
import { compareCrossCountyWithReport, CROSS_COUNTY_GROUPS, crossCountyArrangements } from "./cross-county";
import { arrangementsByEstablishmentPeriod, arrangementsPerEstablishmentYear, newArrangementsInPeriod } from "./establishment";
import { arrangementsByGeographicLevel } from "./geographic-level";
import { hostResponsibilityByMunicipality, hostSummary } from "./host-responsibility";
import { NEW_ARRANGEMENTS_FROM } from "./index";
import { legalFormDistribution } from "./legal-forms";
import { statisticsOverview, type StatisticsOverview } from "./overview";
import { scopeLabel } from "./params";
import { percent, type StatsQuery } from "./query";
import { yearOf } from "@/lib/domain/today";
import { scopeTotals } from "./scope-totals";
import { sectorDistribution } from "./sectors";
import { serviceStructureByTaskArea } from "./service-structure";
import { isSmallChildWelfareTeam, SMALL_CHILD_WELFARE_FTE, staffingTables, totalFte, type StaffedArrangement } from "./staffing";
import type { StatColumn, StatPage, StatRow, StatSection, StatTable } from "./tables";
import { participationByTaskArea } from "./task-area-participation";

const REPORT = "Rapport 2021";
const n = formatInteger;
const d1 = (v: number | null | undefined) => (v === null || v === undefined ? "–" : formatDecimal(v, 1));
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function scopeNote(query: StatsQuery): string[] {
  return query.scope.kind === "surveyed"
    ? []
    : [`Rapportens tall gjelder de 25 kartlagte kommunene per 1. november 2021; de levende tallene gjelder ${scopeLabel(query.scope)}.`];
}

/** Fig. 2.2/2.3 and the means of avsnitt 2.2. */
async function municipalitiesPage(query: StatsQuery): Promise<StatPage> {
  const [rows, baseline] = await Promise.all([
    arrangementsPerMunicipality(query),
    readBaseline(["perMunicipality", "meanPerMunicipality", "meanByPopulationClass", "range"] as const),
  ]);
  const summary = summarizeArrangementsPerMunicipality(rows);
  const printed = new Map((baseline.perMunicipality ?? []).map((r) => [r.municipality, r]));
  const classLabel = new Map<string, string>(POPULATION_CLASSES.map((c) => [c.key, c.label]));
  const table: StatTable = {
    id: "kommuner",
    title: "Antall ordninger per kommune",
    columns: [
      { key: "kommune", header: "Kommune" },
      { key: "kommunenummer", header: "Kommunenummer" },
      { key: "innbyggere", header: "Innbyggere 1.1.", numeric: true },
      { key: "klasse", header: "Størrelsesklasse" },
      { key: "ordninger", header: "Ordninger (levende)", numeric: true },
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
      { key: "snitt", header: "Snitt (levende)", numeric: true, decimals: 1 },
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
  return {
    slug: "kommuner",
    title: "Ordninger per kommune",
    reportRef: "Figur 2.2 og 2.3, avsnitt 2.2",
    intro:
      "Antall samarbeidsordninger hver kommune deltar i på valgt dato, farget etter innbyggertall 1. januar. En ordning med flere kommuner telles hos hver av dem.",
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
          ...(al && printed.get("al") && printed.get("al")!.total !== al.arrangements
            ? [`Ål: rapporten oppgir ${n(printed.get("al")!.total)}, men fire rader i Ål-lista er ordninger der Ål ikke står i medlemslistene. Registeret følger medlemslistene.`]
            : []),
          ...scopeNote(query),
        ],
      },
      {
        id: "etter-storrelse",
        heading: "Snitt etter kommunestørrelse",
        summary: summary.byPopulationClass
          .map((c) => `${c.label} innbyggere: ${d1(c.mean)} (${n(c.municipalities)} kommuner, ${REPORT}: ${d1(printedClass.get(c.key)?.mean)})`)
          .join(". ") + ".",
        table: classTable,
        chart: {
          category: "klasse",
          series: [
            { key: "snitt", name: "Levende" },
            { key: "rapport", name: REPORT },
          ],
          layout: "vertical",
          decimals: 1,
        },
        notes: [
          "Rapportens snitt for kommuner under 5 000 innbyggere (38,2) bygger på 48 ordninger for Ål; medlemslistene gir 44.",
          ...(summary.withoutPopulation > 0 ? [`${n(summary.withoutPopulation)} kommuner mangler innbyggertall og er ikke med i noen klasse.`] : []),
        ],
      },
    ],
  };
}

async function levelsPage(query: StatsQuery): Promise<StatPage> {
  const [levels, baseline] = await Promise.all([arrangementsByGeographicLevel(query), readBaseline(["levels"] as const)]);
  const b = baseline.levels;
  const rows: StatRow[] = [
    { nivaa: "Lokalt", definisjon: "2–3 kommuner", antall: levels.local, andel: round1(percent(levels.local, levels.total)), rapport: b?.local ?? null },
    { nivaa: "Regionalt", definisjon: "4–8 kommuner", antall: levels.regional, andel: round1(percent(levels.regional, levels.total)), rapport: b?.regional ?? null },
    { nivaa: "Høyere nivå", definisjon: "9 eller flere kommuner", antall: levels.higher, andel: round1(percent(levels.higher, levels.total)), rapport: b?.higher ?? null },
  ];
  if (levels.single > 0) rows.push({ nivaa: "Én kommune igjen", definisjon: "1 kommune", antall: levels.single, andel: round1(percent(levels.single, levels.total)), rapport: null });
  return {
    slug: "nivaa",
    title: "Geografisk nivå",
    reportRef: "Avsnitt 2.1, Figur 2.1",
    intro:
      "Ordningene etter hvor mange kommuner som deltar, også kommuner utenfor utvalget. Der kilden oppgir et høyere medlemstall enn navnelista, brukes det trykte tallet.",
    sections: [
      {
        id: "nivaa",
        heading: "Ordninger etter geografisk nivå",
        summary: `Av ${n(levels.total)} ordninger er ${n(levels.local)} lokale, ${n(levels.regional)} regionale og ${n(levels.higher)} på høyere nivå` +
          (b ? ` (${REPORT}: ${n(b.local)}, ${n(b.regional)} og ${n(b.higher)}).` : "."),
        table: {
          id: "nivaa",
          title: "Ordninger etter geografisk nivå",
          columns: [
            { key: "nivaa", header: "Nivå" },
            { key: "definisjon", header: "Deltakende kommuner" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows,
          footer: { nivaa: "Totalt", antall: levels.total, andel: levels.total ? 100 : null, rapport: b ? b.local + b.regional + b.higher : null },
          source: "NIVI 2021, avsnitt 2.1",
        },
        chart: { category: "nivaa", series: [{ key: "antall", name: "Levende" }, { key: "rapport", name: REPORT }], layout: "vertical" },
        notes: scopeNote(query),
      },
    ],
  };
}

async function establishmentPage(query: StatsQuery): Promise<StatPage> {
  const year = yearOf(query.asOf);
  const [periods, perYear, newOnes, baseline] = await Promise.all([
    arrangementsByEstablishmentPeriod(query),
    arrangementsPerEstablishmentYear(query),
    newArrangementsInPeriod(query, NEW_ARRANGEMENTS_FROM, year),
    readBaseline(["establishmentPeriods", "newArrangements", "perYear"] as const),
  ]);
  const printed = new Map((baseline.establishmentPeriods?.periods ?? []).map((p) => [p.period, p]));
  const total = periods.reduce((s, p) => s + p.arrangements, 0);
  const known = periods.filter((p) => p.key !== "not-registered").reduce((s, p) => s + p.arrangements, 0);
  const registeredPct = (count: number) => round1(percent(count, known));
  return {
    slug: "etablering",
    title: "Etableringstidspunkt",
    reportRef: "Tabell 2.1, Tabell 2.2 og Figur 2.4",
    intro:
      "Når ordningene ble etablert. Et kjent år avgjør perioden. Uten år avgjør en registrert periode (for eksempel «2015–2021» fra Tabell 2.2) når hele perioden ligger innenfor én av periodene.",
    sections: [
      {
        id: "perioder",
        heading: "Ordninger etter etableringsperiode",
        summary:
          `Etableringstidspunkt er registrert for ${n(known)} av ${n(total)} ordninger (${REPORT}: ${n(baseline.establishmentPeriods?.n ?? 0)} av 221). ` +
          periods.filter((p) => p.arrangements > 0).map((p) => `${p.label}: ${n(p.arrangements)}`).join(", ") + ".",
        table: {
          id: "etablering",
          title: "Ordninger etter etableringsperiode",
          columns: [
            { key: "periode", header: "Periode" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "andel", header: "Andel av registrerte", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
            { key: "rapportAndel", header: `${REPORT}, andel`, numeric: true, decimals: 1, percent: true },
          ],
          rows: periods.map((p) => ({
            periode: p.key === "2015-" && baseline.establishmentPeriods ? `${p.label} (rapporten: 2015–2021)` : p.label,
            antall: p.arrangements,
            andel: p.key === "not-registered" ? null : registeredPct(p.arrangements),
            rapport: p.reportKey ? (printed.get(p.reportKey)?.count ?? null) : null,
            rapportAndel: p.reportKey ? (printed.get(p.reportKey)?.percent ?? null) : null,
          })),
          footer: { periode: "Totalt", antall: total, rapport: baseline.establishmentPeriods?.n ?? null },
          source: "NIVI 2021, Tabell 2.1",
        },
        chart: { category: "periode", series: [{ key: "antall", name: "Levende" }, { key: "rapport", name: REPORT }], layout: "horizontal" },
        notes: [
          ...(known < (baseline.establishmentPeriods?.n ?? 0)
            ? [`Registeret mangler foreløpig etableringsår for ${n(periods.find((p) => p.key === "not-registered")?.arrangements ?? 0)} ordninger; rapporten trykker ikke år per ordning. Tallene fylles ut når kommunene registrerer årstallet.`]
            : []),
          ...scopeNote(query),
        ],
      },
      {
        id: "per-aar",
        heading: "Ordninger per etableringsår",
        summary:
          perYear.length === 0
            ? "Ingen ordninger har registrert etableringsår."
            : `${n(perYear.reduce((s, y) => s + y.arrangements, 0))} ordninger har kjent etableringsår, fra ${perYear[0]!.year} til ${perYear.at(-1)!.year}. ` +
              `${REPORT} viser etableringsår for ${n(baseline.perYear?.n ?? 0)} ordninger i Figur 2.4, men trykker ikke tallene.`,
        table: {
          id: "etablering-aar",
          title: "Ordninger per etableringsår",
          columns: [
            { key: "aar", header: "År", numeric: false },
            { key: "antall", header: "Ordninger", numeric: true },
          ],
          rows: perYear.map((y) => ({ aar: String(y.year), antall: y.arrangements })),
          source: "NIVI 2021, Figur 2.4",
        },
        chart: { category: "aar", series: [{ key: "antall", name: "Ordninger" }], layout: "vertical" },
      },
      {
        id: "nye",
        heading: `Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${year}`,
        summary: `${n(newOnes.length)} ordninger er etablert i ${NEW_ARRANGEMENTS_FROM}–${year} (${REPORT}: ${n(baseline.newArrangements?.count ?? 0)} i 2015–2021).`,
        table: {
          id: "nye-ordninger",
          title: `Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${year}`,
          columns: [
            { key: "ordning", header: "Ordning" },
            { key: "etablert", header: "Etablert" },
          ],
          rows: newOnes.map((a) => ({
            ordning: a.name,
            etablert: a.year !== null ? String(a.year) : `${a.periodFrom}–${a.periodTo} (år ukjent)`,
          })),
          source: "NIVI 2021, Tabell 2.2",
        },
      },
    ],
  };
}

async function crossCountyPage(query: StatsQuery): Promise<StatPage> {
  const [result, baseline] = await Promise.all([crossCountyArrangements(query), readBaseline(["crossCounty"] as const)]);
  const printedGroups = new Map((baseline.crossCounty?.groups ?? []).map((g) => [g.key, g]));
  const comparison = compareCrossCountyWithReport(result.arrangements, baseline.crossCounty?.tables ?? {});
  const groupName = new Map<string, string>(CROSS_COUNTY_GROUPS.map((g) => [g.key, g.name]));
  const onlyLive = comparison.filter((c) => c.slug && !c.printed).length;
  const onlyPrinted = comparison.filter((c) => !c.slug).length;
  const vt = result.groups.find((g) => g.key === "vestfold-og-telemark")?.detail;
  return {
    slug: "fylkesgrenser",
    title: "Samarbeid over fylkesgrensene",
    reportRef: "Avsnitt 2.5, Tabell 2.4–2.7",
    intro:
      `En ordning krysser fylkesgrensen når de deltakende kommunene ligger i minst to fylker etter dagens fylkeskart (per ${result.countyMapDate}), slik rapporten gjør. ` +
      "Ordningene grupperes etter fylkene utenom Buskerud.",
    sections: [
      {
        id: "grupper",
        heading: "Ordninger som krysser fylkesgrensen",
        summary:
          `${n(result.total)} ordninger krysser fylkesgrensen (${REPORT}: ${n(baseline.crossCounty?.total ?? 0)}). ` +
          result.groups.map((g) => `${g.name}: ${n(g.arrangements)}`).join(", ") +
          (vt ? ` (Vestfold og Telemark: Telemark ${n(vt.telemark)}, Vestfold ${n(vt.vestfold)}, begge ${n(vt.both)}).` : "."),
        table: {
          id: "fylkesgrenser",
          title: "Ordninger over fylkesgrensene etter fylke",
          columns: [
            { key: "gruppe", header: "Fylke" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "rapport", header: REPORT, numeric: true },
            { key: "tabell", header: "Rapportens tabell" },
          ],
          rows: result.groups.flatMap((g) => {
            const p = printedGroups.get(g.key === "akershus-oslo" ? "akershus-oslo" : g.key);
            const row: StatRow = { gruppe: g.name, antall: g.arrangements, rapport: p?.count ?? null, tabell: `Tabell ${g.reportTable}` };
            if (!g.detail) return [row];
            const pd = p?.detail ?? {};
            return [
              row,
              { gruppe: "– bare Telemark", antall: g.detail.telemark, rapport: pd.telemark ?? null, tabell: null },
              { gruppe: "– bare Vestfold", antall: g.detail.vestfold, rapport: pd.vestfold ?? null, tabell: null },
              { gruppe: "– både Vestfold og Telemark", antall: g.detail.both, rapport: pd.both ?? null, tabell: null },
            ];
          }),
          footer: { gruppe: "Totalt", antall: result.total, rapport: baseline.crossCounty?.total ?? null },
          source: "NIVI 2021, avsnitt 2.5",
        },
        chart: {
          category: "gruppe",
          series: [{ key: "antall", name: "Levende" }, { key: "rapport", name: REPORT }],
          layout: "horizontal",
        },
        notes: [
          `${n(onlyLive)} ordninger krysser grensen i registeret uten å stå i rapportens lister, og ${n(onlyPrinted)} står i listene uten å krysse grensen etter dagens kart. ` +
            "Hovedårsakene: Jevnaker og Lunner ble flyttet fra Viken til Akershus i 2024, så samarbeid mellom Jevnaker og Ringeriksregionen krysser nå en fylkesgrense; " +
            "og rapportens tabeller mangler noen ordninger som krysser grensen (en streng regel gir flere enn 72). Tabell 2.5 hopper dessuten over nr. 13 og har to nr. 31.",
          ...scopeNote(query),
        ],
      },
      {
        id: "ordninger",
        heading: "Ordningene, levende og i rapportens tabeller",
        summary: `Listen viser alle ${n(result.total)} ordningene som krysser fylkesgrensen nå, og rapportens rader i Tabell 2.4–2.7 ved siden av.`,
        table: {
          id: "fylkesgrenser-ordninger",
          title: "Ordninger over fylkesgrensene",
          columns: [
            { key: "ordning", header: "Ordning" },
            { key: "fylker", header: "Fylker (dagens kart)" },
            { key: "gruppe", header: "Gruppe (levende)" },
            { key: "rapport", header: `${REPORT}: tabell og rad` },
            { key: "status", header: "Sammenligning" },
          ],
          rows: comparison.map((c) => ({
            ordning: c.name,
            fylker: c.counties.join(", ") || null,
            gruppe: c.liveGroup ? groupName.get(c.liveGroup)! : null,
            rapport: c.printed ? `Tabell ${c.printed.table}, nr. ${c.printed.nr}` : null,
            status: c.slug && c.printed ? "I begge" : c.slug ? "Bare i registeret" : "Bare i rapporten",
          })),
          source: "NIVI 2021, Tabell 2.4–2.7",
        },
      },
    ],
  };
}

async function taskAreasPage(query: StatsQuery): Promise<StatPage> {
  const [rows, baseline, totals] = await Promise.all([participationByTaskArea(query), readBaseline(["taskAreas"] as const), scopeTotals(query)]);
  const printed = new Map((baseline.taskAreas ?? []).map((t) => [t.taskArea, t]));
  const differing = rows.filter((r) => printed.has(r.slug) && printed.get(r.slug)!.count !== r.municipalities);
  return {
    slug: "oppgaver",
    title: "Deltakelse etter oppgaveområde",
    reportRef: "Tabell 3.1",
    intro: `Andelen av ${scopeLabel(query.scope)} som deltar i minst én samarbeidsordning innen hvert oppgaveområde, ved siden av rapporten og Trøndelag 2020.`,
    sections: [
      {
        id: "oppgaver",
        heading: "Kommuner som deltar, per oppgaveområde",
        summary:
          `${n(rows.filter((r) => r.municipalities === totals.municipalities && totals.municipalities > 0).length)} oppgaveområder har med alle ${n(totals.municipalities)} kommunene, ` +
          `${n(rows.filter((r) => r.municipalities === 0).length)} har ingen. ${n(differing.length)} av ${n(rows.length)} områder avviker fra rapporten.`,
        table: {
          id: "oppgaver",
          title: "Deltakelse etter oppgaveområde",
          columns: [
            { key: "omraade", header: "Oppgaveområde" },
            { key: "kommuner", header: "Kommuner (levende)", numeric: true },
            { key: "prosent", header: "Andel (levende)", numeric: true, decimals: 0, percent: true },
            { key: "rapport", header: `${REPORT}, kommuner`, numeric: true },
            { key: "rapportProsent", header: `${REPORT}, andel`, numeric: true, decimals: 0, percent: true },
            { key: "trondelag", header: "Trøndelag 2020, andel", numeric: true, decimals: 0, percent: true },
          ],
          rows: rows.map((r) => {
            const p = printed.get(r.slug);
            return {
              omraade: r.name,
              kommuner: r.municipalities,
              prosent: r.percent === null ? null : Math.round(r.percent),
              rapport: p?.count ?? null,
              rapportProsent: p?.percent ?? null,
              trondelag: p?.trondelag2020Percent ?? null,
            };
          }),
          source: "NIVI 2021, Tabell 3.1; Trøndelag 2020: NIVI Rapport 2021:1",
        },
        chart: {
          category: "omraade",
          series: [{ key: "prosent", name: "Levende" }, { key: "rapportProsent", name: REPORT }, { key: "trondelag", name: "Trøndelag 2020" }],
          layout: "horizontal",
        },
        notes: [
          "Oppgaveområdet til hver ordning er for de fleste utledet av navn og beskrivelse; der registeret og rapporten avviker, skyldes det oftest en slik klassifisering. Rådgiveren kan rette oppgaveområdet på ordningen.",
          ...scopeNote(query),
        ],
      },
    ],
  };
}

async function hostsPage(query: StatsQuery): Promise<StatPage> {
  const [rows, hosts, baseline] = await Promise.all([
    hostResponsibilityByMunicipality(query),
    hostSummary(query),
    readBaseline(["perMunicipality", "hostsOutsideArea", "hostSummary"] as const),
  ]);
  const printed = new Map((baseline.perMunicipality ?? []).map((r) => [r.municipality, r]));
  const printedOutside = new Map((baseline.hostsOutsideArea?.hosts ?? []).map((h) => [h.municipality, h.count]));
  const outsideSlugs = [...new Set([...hosts.hostsOutside.map((h) => h.slug), ...printedOutside.keys()])];
  const outsideName = new Map(hosts.hostsOutside.map((h) => [h.slug, h.name]));
  const sum = (key: "hosts" | "assisted" | "arrangements" | "withoutHost") => rows.reduce((s, r) => s + r[key], 0);
  return {
    slug: "vertskommuner",
    title: "Vertskommuneansvar",
    reportRef: "Tabell 3.2, fotnote 9",
    intro:
      "For hver kommune: ordninger den er vertskommune for, ordninger der en annen kommune er vert (bistand fra andre), og ordninger uten registrert vertskommune.",
    sections: [
      {
        id: "per-kommune",
        heading: "Vertskommune og bistand fra andre",
        summary:
          `Vertskommune er registrert for ${n(hosts.withHost)} av ${n(hosts.arrangements)} ordninger (${REPORT}: ${n(baseline.hostSummary?.arrangementsWithHost ?? 0)} av 221). ` +
          `${n(rows.filter((r) => r.hosts > 0).length)} kommuner er vertskommune for minst én ordning.`,
        table: {
          id: "vertskommuner",
          title: "Vertskommuneansvar per kommune",
          columns: [
            { key: "kommune", header: "Kommune" },
            { key: "vert", header: "Vertskommune for", numeric: true },
            { key: "bistand", header: "Bistand fra andre", numeric: true },
            { key: "utenVert", header: "Uten registrert vert", numeric: true },
            { key: "totalt", header: "Totalt", numeric: true },
            { key: "rapportVert", header: `${REPORT}: vert`, numeric: true },
            { key: "rapportBistand", header: `${REPORT}: bistand`, numeric: true },
            { key: "rapportTotalt", header: `${REPORT}: totalt`, numeric: true },
          ],
          rows: rows.map((r) => {
            const p = printed.get(r.slug);
            return {
              kommune: r.name,
              vert: r.hosts,
              bistand: r.assisted,
              utenVert: r.withoutHost,
              totalt: r.arrangements,
              rapportVert: p?.hosts ?? null,
              rapportBistand: p?.assisted ?? null,
              rapportTotalt: p?.total ?? null,
            };
          }),
          footer: {
            kommune: "Sum",
            vert: sum("hosts"),
            bistand: sum("assisted"),
            utenVert: sum("withoutHost"),
            totalt: sum("arrangements"),
            rapportVert: rows.reduce((s, r) => s + (printed.get(r.slug)?.hosts ?? 0), 0),
            rapportBistand: rows.reduce((s, r) => s + (printed.get(r.slug)?.assisted ?? 0), 0),
            rapportTotalt: rows.reduce((s, r) => s + (printed.get(r.slug)?.total ?? 0), 0),
          },
          source: "NIVI 2021, Tabell 3.2",
        },
        chart: {
          category: "kommune",
          series: [{ key: "vert", name: "Vertskommune for" }, { key: "bistand", name: "Bistand fra andre" }, { key: "utenVert", name: "Uten registrert vert" }],
          layout: "horizontal",
        },
        notes: [
          "Rapporten har vertskommune for 216 av 221 ordninger, men trykker ikke verten per ordning. Registeret har vertskommunen der kilden navngir den; resten fylles ut av kommunene.",
          "Hjartdal: Tabell 3.2 oppgir 34 ordninger, men tabellene plasserer Hjartdal i 35.",
          ...scopeNote(query),
        ],
      },
      {
        id: "utenfor",
        heading: "Vertskommuner utenfor området",
        summary: `${n(hosts.hostedOutside)} ordninger har vertskommune utenfor ${scopeLabel(query.scope)} (${REPORT}: ${n(baseline.hostsOutsideArea?.total ?? 0)}).`,
        table: {
          id: "verter-utenfor",
          title: "Vertskommuner utenfor området",
          columns: [
            { key: "vert", header: "Vertskommune" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows: outsideSlugs
            .map((slug) => ({
              vert: outsideName.get(slug) ?? slug,
              antall: hosts.hostsOutside.find((h) => h.slug === slug)?.arrangements ?? 0,
              rapport: printedOutside.get(slug) ?? null,
            }))
            .sort((a, b) => b.antall - a.antall || (b.rapport ?? 0) - (a.rapport ?? 0)),
          footer: { vert: "Totalt", antall: hosts.hostedOutside, rapport: baseline.hostsOutsideArea?.total ?? null },
          source: "NIVI 2021, avsnitt 3.2, fotnote 9",
        },
      },
    ],
  };
}

async function legalFormsPage(query: StatsQuery): Promise<StatPage> {
  const [rows, baseline] = await Promise.all([legalFormDistribution(query), readBaseline(["legalForms"] as const)]);
  const total = rows.reduce((s, r) => s + r.arrangements, 0);
  const printedFor = (code: string | null) =>
    (baseline.legalForms ?? [])
      .filter((b) => code !== null && (b.code === code || b.codes?.includes(code)))
      .map((b) => b.text)
      .join(" / ") || null;
  const companies = rows.filter((r) => r.code === "IKS" || r.code === "AS").reduce((s, r) => s + r.arrangements, 0);
  const hostAdmin = rows.find((r) => r.code === "HOST_ADMIN")?.arrangements ?? 0;
  const koIpr = rows.filter((r) => r.code === "KO" || r.code === "IPR").reduce((s, r) => s + r.arrangements, 0);
  return {
    slug: "tilknytningsformer",
    title: "Juridisk tilknytningsform",
    reportRef: "Figur 3.1, avsnitt 3.3",
    intro:
      "Ordningene etter juridisk tilknytningsform. Rapporten oppgir ikke formen per ordning; registeret har utledet den av navn og tekst der den ikke er oppgitt, og merker slike verdier som utledet.",
    sections: [
      {
        id: "former",
        heading: "Ordninger etter tilknytningsform",
        summary:
          `Administrativt vertskommunesamarbeid: ${n(hostAdmin)} av ${n(total)} (${formatPercent(percent(hostAdmin, total) ?? 0)}; ${REPORT}: 40 %). ` +
          `Selskaper (IKS og AS): ${n(companies)} (${formatPercent(percent(companies, total) ?? 0)}; ${REPORT}: 21 %). ` +
          `Kommunalt oppgavefellesskap og interkommunalt politisk råd: ${n(koIpr)} (${REPORT}: 10).`,
        table: {
          id: "tilknytningsformer",
          title: "Ordninger etter juridisk tilknytningsform",
          columns: [
            { key: "form", header: "Tilknytningsform" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "utledet", header: "Av disse utledet", numeric: true },
            { key: "rapport", header: REPORT },
          ],
          rows: rows.map((r) => ({
            form: r.outdated ? `${r.name} (utdatert)` : r.name,
            antall: r.arrangements,
            andel: round1(percent(r.arrangements, total)),
            utledet: r.inferred,
            rapport: printedFor(r.code),
          })),
          footer: { form: "Totalt", antall: total, andel: total ? 100 : null, utledet: rows.reduce((s, r) => s + r.inferred, 0) },
          source: "NIVI 2021, Figur 3.1 og avsnitt 3.3",
        },
        chart: { category: "form", series: [{ key: "antall", name: "Ordninger" }], layout: "horizontal" },
        notes: [
          "Rapporten fant 15 ordninger med styre etter gammel kommunelov § 27; registeret har bare dem der kilden sier det. Overgangsreglene krevde omdanning innen fire år, så slike ordninger er merket som utdatert.",
          ...scopeNote(query),
        ],
      },
    ],
  };
}

async function sectorsPage(query: StatsQuery): Promise<StatPage> {
  const [rows, baseline] = await Promise.all([sectorDistribution(query), readBaseline(["sectors"] as const)]);
  const printed = new Map((baseline.sectors ?? []).map((s) => [s.code, s]));
  const total = rows.reduce((s, r) => s + r.arrangements, 0);
  const top = [...rows].sort((a, b) => b.arrangements - a.arrangements)[0];
  return {
    slug: "sektorer",
    title: "Sektorer",
    reportRef: "Figur 5.1, kapittel 5",
    intro: "Ordningene fordelt på de ti sektorene i kapittel 5 og de regionale politiske organene.",
    sections: [
      {
        id: "sektorer",
        heading: "Ordninger etter sektor",
        summary: top
          ? `Flest ordninger er innen ${top.name.toLowerCase()} (${n(top.arrangements)} av ${n(total)}). ` +
            `Helse og sosial utgjør til sammen ${formatPercent(percent(rows.filter((r) => r.code === "HEALTH" || r.code === "SOCIAL").reduce((s, r) => s + r.arrangements, 0), total) ?? 0)} (${REPORT}: «nærmere 40 prosent»).`
          : "Ingen ordninger.",
        table: {
          id: "sektorer",
          title: "Ordninger etter sektor",
          columns: [
            { key: "sektor", header: "Sektor" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows: rows.map((r) => ({ sektor: r.name, antall: r.arrangements, andel: round1(percent(r.arrangements, total)), rapport: printed.get(r.code)?.count ?? null })),
          footer: { sektor: "Totalt", antall: total, andel: total ? 100 : null, rapport: (baseline.sectors ?? []).reduce((s, r) => s + r.count, 0) || null },
          source: "NIVI 2021, Figur 5.1 og Tabell 5.1–5.10",
        },
        chart: { category: "sektor", series: [{ key: "antall", name: "Levende" }, { key: "rapport", name: REPORT }], layout: "horizontal" },
        notes: ["Rapportens 7 regionale politiske organer er ikke trykt, men er differansen mellom 221 og summen av Tabell 5.1–5.10.", ...scopeNote(query)],
      },
    ],
  };
}

function staffingLiveTable(id: string, title: string, rows: StaffedArrangement[], flagSmall: boolean, source: string): StatTable {
  return {
    id,
    title,
    columns: [
      { key: "ordning", header: "Ordning" },
      { key: "kommuner", header: "Deltakere" },
      { key: "aarsverk", header: "Årsverk", numeric: true, decimals: 1 },
      { key: "aar", header: "År" },
      ...(flagSmall ? [{ key: "lite", header: `Under ${SMALL_CHILD_WELFARE_FTE} årsverk` }] : []),
      { key: "kilde", header: "Kilde" },
    ],
    rows: rows.map((r) => ({
      ordning: r.name,
      kommuner: r.participants.join(", "),
      aarsverk: r.fte,
      aar: String(r.year),
      ...(flagSmall ? { lite: isSmallChildWelfareTeam(r.fte) ? "Lite fagmiljø" : "Nei" } : {}),
      kilde: r.source,
    })),
    footer: { ordning: "Sum", aarsverk: totalFte(rows) },
    source,
  };
}

async function staffingPage(query: StatsQuery): Promise<StatPage> {
  const [tables, baseline] = await Promise.all([staffingTables(query), readBaseline(["staffing"] as const)]);
  const s = baseline.staffing;
  const hallingdalPrinted: StatTable = {
    id: "bemanning-hallingdal-rapport",
    title: `Tabell 2.3 Årsverk i tjenestesamarbeid i Hallingdal (${REPORT})`,
    columns: [
      { key: "nr", header: "Nr.", numeric: true },
      { key: "ordning", header: "Ordning" },
      { key: "kommuner", header: "Kommuner" },
      { key: "aarsverk", header: "Årsverk", numeric: true, decimals: 1 },
    ],
    rows: (s?.hallingdal.rows ?? []).map((r) => ({ nr: r.nr, ordning: r.name, kommuner: r.municipalities.join(", "), aarsverk: r.fte })),
    footer: { ordning: "Sum", aarsverk: s?.hallingdal.total ?? null },
    source: "NIVI 2021, Tabell 2.3",
  };
  const childWelfarePrinted: StatTable = {
    id: "bemanning-barnevern-rapport",
    title: `Tabell 3.3 Årsverk i barneverntjenestene (${REPORT})`,
    columns: [
      { key: "tjeneste", header: "Tjeneste" },
      { key: "kommuner", header: "Kommuner" },
      { key: "interkommunal", header: "Interkommunal" },
      { key: "aarsverk", header: "Årsverk", numeric: true, decimals: 1 },
      { key: "fagutdannet", header: "Med fagutdanning", numeric: true, decimals: 1 },
      { key: "andel", header: "Andel fagutdannet", numeric: true, decimals: 1, percent: true },
      { key: "lite", header: `Under ${SMALL_CHILD_WELFARE_FTE} årsverk` },
    ],
    rows: (s?.childWelfare.rows ?? []).map((r) => ({
      tjeneste: r.service,
      kommuner: r.municipalities.join(", "),
      interkommunal: r.intermunicipal,
      aarsverk: r.fte,
      fagutdannet: r.qualifiedFte,
      andel: r.qualifiedPercent,
      lite: isSmallChildWelfareTeam(r.fte) ? "Lite fagmiljø" : "Nei",
    })),
    footer: s ? { tjeneste: "Sum", aarsverk: s.childWelfare.sum.fte, fagutdannet: s.childWelfare.sum.qualifiedFte, andel: s.childWelfare.sum.qualifiedPercent } : undefined,
    source: s?.childWelfare.source ?? "NIVI 2021, Tabell 3.3",
  };
  const navPrinted: StatTable = {
    id: "bemanning-nav-rapport",
    title: `Tabell 3.4 Årsverk ved NAV-kontorene (${REPORT})`,
    columns: [
      { key: "kontor", header: "NAV-kontor" },
      { key: "kommuner", header: "Kommuner" },
      { key: "ledelse", header: "Ledelse" },
      { key: "kommunale", header: "Kommunale årsverk", numeric: true, decimals: 1 },
      { key: "statlige", header: "Statlige årsverk", numeric: true, decimals: 1 },
      { key: "totalt", header: "Totalt", numeric: true, decimals: 1 },
    ],
    rows: (s?.nav.rows ?? []).map((r) => ({
      kontor: r.office,
      kommuner: r.municipalities.join(", "),
      ledelse: r.leadership,
      kommunale: r.municipalFte,
      statlige: r.stateFte,
      totalt: r.totalFte,
    })),
    footer: s ? { kontor: "Sum", kommunale: s.nav.sum.municipalFte, statlige: s.nav.sum.stateFte, totalt: s.nav.sum.totalFte } : undefined,
    source: s?.nav.source ?? "NIVI 2021, Tabell 3.4",
  };
  const pptPrinted: StatTable = {
    id: "bemanning-ppt-rapport",
    title: `Figur 3.5 Årsverk i PP-tjenestene (${REPORT})`,
    columns: [
      { key: "tjeneste", header: "Tjeneste" },
      { key: "kommuner", header: "Kommuner" },
      { key: "fagstilling", header: "Fagstillinger", numeric: true, decimals: 1 },
      { key: "ledelse", header: "Ledelse", numeric: true, decimals: 1 },
      { key: "merkantil", header: "Merkantile", numeric: true, decimals: 1 },
      { key: "totalt", header: "Totalt", numeric: true, decimals: 1 },
    ],
    rows: (s?.ppt.rows ?? []).map((r) => ({
      tjeneste: r.service,
      kommuner: r.municipalities.join(", "),
      fagstilling: r.professionalFte,
      ledelse: r.leadershipFte,
      merkantil: r.clericalFte,
      totalt: r.totalFte,
    })),
    footer: s ? { tjeneste: "Sum", fagstilling: s.ppt.sum.professionalFte, ledelse: s.ppt.sum.leadershipFte, merkantil: s.ppt.sum.clericalFte, totalt: s.ppt.sum.totalFte } : undefined,
    source: s?.ppt.source ?? "NIVI 2021, Figur 3.5",
  };
  const section = (id: string, heading: string, summary: string, table: StatTable, notes: string[] = []): StatSection => ({ id, heading, summary, table, notes });
  const small = tables.smallChildWelfare;
  return {
    slug: "bemanning",
    title: "Bemanning og fagmiljø",
    reportRef: "Tabell 2.3, 3.3, 3.4 og Figur 3.5",
    intro:
      "Årsverk i de interkommunale tjenestene, fra registerets bemanningstall (siste registrerte år til og med valgt dato), ved siden av rapportens tabeller. " +
      "Rapportens tabeller har også kommunale tjenester, som ikke er samarbeidsordninger og derfor ikke står i registeret.",
    sections: [
      section(
        "hallingdal",
        "Hallingdal",
        `Registeret har ${n(tables.hallingdal.length)} ordninger med deltakere i Hallingdal og bemanningstall, til sammen ${d1(totalFte(tables.hallingdal))} årsverk (${REPORT}, Tabell 2.3: ${d1(s?.hallingdal.total)} årsverk).`,
        staffingLiveTable("bemanning-hallingdal", "Årsverk i ordninger med deltakere i Hallingdal (levende)", tables.hallingdal, false, "Registeret; NIVI 2021, Tabell 2.3"),
        ["Hallingdal barnevernteneste står med 25,2 årsverk i Tabell 2.3 og 24,9 i Tabell 3.3; registeret bruker sist registrerte tall."],
      ),
      section("hallingdal-rapport", "Hallingdal i rapporten", `Tabell 2.3 har ${n(s?.hallingdal.rows.length ?? 0)} ordninger med ${d1(s?.hallingdal.total)} årsverk.`, hallingdalPrinted),
      section(
        "barnevern",
        "Barneverntjenester",
        `${n(tables.childWelfare.length)} interkommunale barneverntjenester har bemanningstall, til sammen ${d1(totalFte(tables.childWelfare))} årsverk. ` +
          (small.length
            ? `${n(small.length)} har under ${SMALL_CHILD_WELFARE_FTE} årsverk: ${small.map((r) => r.name).join(", ")}.`
            : `Ingen har under ${SMALL_CHILD_WELFARE_FTE} årsverk, som er anbefalt minstestørrelse for et fagmiljø.`),
        staffingLiveTable("bemanning-barnevern", "Årsverk i interkommunale barneverntjenester (levende)", tables.childWelfare, true, "Registeret; NIVI 2021, Tabell 3.3"),
        [`Barnevernpanelet anbefaler minst ${SMALL_CHILD_WELFARE_FTE} årsverk i en barneverntjeneste; tjenester under dette merkes som lite fagmiljø.`],
      ),
      section(
        "barnevern-rapport",
        "Barneverntjenester i rapporten",
        `Tabell 3.3 har ${n(s?.childWelfare.rows.length ?? 0)} barneverntjenester med ${d1(s?.childWelfare.sum.fte)} årsverk; ` +
          `${n((s?.childWelfare.rows ?? []).filter((r) => isSmallChildWelfareTeam(r.fte)).length)} har under ${SMALL_CHILD_WELFARE_FTE} årsverk.`,
        childWelfarePrinted,
      ),
      section(
        "nav",
        "NAV-kontor",
        `${n(tables.nav.length)} felles NAV-kontor har kommunale årsverk i registeret, til sammen ${d1(totalFte(tables.nav))}.`,
        staffingLiveTable("bemanning-nav", "Kommunale årsverk i felles NAV-kontor (levende)", tables.nav, false, "Registeret; NIVI 2021, Tabell 3.4"),
      ),
      section("nav-rapport", "NAV-kontor i rapporten", `Tabell 3.4 har ${n(s?.nav.rows.length ?? 0)} NAV-kontor med ${d1(s?.nav.sum.totalFte)} årsverk i alt.`, navPrinted, s?.nav.note ? [s.nav.note] : []),
      section(
        "ppt",
        "PP-tjenester",
        `${n(tables.ppt.length)} interkommunale PP-tjenester har bemanningstall, til sammen ${d1(totalFte(tables.ppt))} årsverk.`,
        staffingLiveTable("bemanning-ppt", "Årsverk i interkommunale PP-tjenester (levende)", tables.ppt, false, "Registeret; NIVI 2021, Figur 3.5"),
      ),
      section("ppt-rapport", "PP-tjenester i rapporten", `Figur 3.5 har ${n(s?.ppt.rows.length ?? 0)} PP-tjenester med ${d1(s?.ppt.sum.totalFte)} årsverk.`, pptPrinted, s?.ppt.note ? [s.ppt.note] : []),
    ],
  };
}

async function serviceStructurePage(query: StatsQuery): Promise<StatPage> {
  const [rows, baseline] = await Promise.all([serviceStructureByTaskArea(query), readBaseline(["serviceStructure"] as const)]);
  const printed = new Map((baseline.serviceStructure ?? []).map((s) => [s.task, s]));
  const reported = rows.filter((r) => r.reportTask);
  const ikt = rows.find((r) => r.taskArea === "felles-ikt-tjeneste");
  return {
    slug: "tjenestestruktur",
    title: "Tjenestestruktur",
    reportRef: "Avsnitt 3.4",
    intro:
      "Hvor mange ulike tjenester som løser en oppgave: kommuner som løser den alene (kommunale) pluss ulike felles ordninger (interkommunale). " +
      "En kommune som ikke deltar i noen ordning på området, regnes som å løse oppgaven selv.",
    sections: [
      {
        id: "tjenester",
        heading: "Kommunale og interkommunale tjenester per oppgave",
        summary: ikt
          ? `For eksempel IKT: ${n(ikt.services)} tjenester, hvorav ${n(ikt.municipal)} kommunale og ${n(ikt.intermunicipal)} interkommunale (${REPORT}: ${printed.get("IKT-tjenester")?.text ?? "ikke trykt"}).`
          : "Tjenestestruktur per oppgaveområde.",
        table: {
          id: "tjenestestruktur",
          title: "Tjenestestruktur per oppgave",
          columns: [
            { key: "oppgave", header: "Oppgave" },
            { key: "tjenester", header: "Tjenester (levende)", numeric: true },
            { key: "kommunale", header: "Kommunale", numeric: true },
            { key: "interkommunale", header: "Interkommunale", numeric: true },
            { key: "rapportTjenester", header: `${REPORT}: tjenester`, numeric: true },
            { key: "rapportKommunale", header: `${REPORT}: kommunale`, numeric: true },
            { key: "rapportInterkommunale", header: `${REPORT}: interkommunale`, numeric: true },
            { key: "merknad", header: "Merknad" },
          ],
          rows: [...reported, ...rows.filter((r) => !r.reportTask)].map((r) => {
            const p = r.reportTask ? printed.get(r.reportTask) : undefined;
            return {
              oppgave: r.reportTask ?? r.name,
              tjenester: r.services,
              kommunale: r.municipal,
              interkommunale: r.intermunicipal,
              rapportTjenester: p?.totalServices ?? null,
              rapportKommunale: p?.municipal ?? null,
              rapportInterkommunale: p?.intermunicipal ?? null,
              merknad: p?.inconsistent ? `Rapportens sum går ikke opp. ${p.note ?? ""}`.trim() : null,
            };
          }),
          source: "NIVI 2021, avsnitt 3.4",
        },
        notes: scopeNote(query),
      },
    ],
  };
}

export const STAT_PAGES: { slug: string; title: string; reportRef: string; load: (q: StatsQuery) => Promise<StatPage> }[] = [
  { slug: "kommuner", title: "Ordninger per kommune", reportRef: "Figur 2.2 og 2.3", load: municipalitiesPage },
  { slug: "etablering", title: "Etableringstidspunkt", reportRef: "Tabell 2.1, 2.2 og Figur 2.4", load: establishmentPage },
  { slug: "nivaa", title: "Geografisk nivå", reportRef: "Avsnitt 2.1", load: levelsPage },
  { slug: "fylkesgrenser", title: "Samarbeid over fylkesgrensene", reportRef: "Avsnitt 2.5, Tabell 2.4–2.7", load: crossCountyPage },
  { slug: "oppgaver", title: "Deltakelse etter oppgaveområde", reportRef: "Tabell 3.1", load: taskAreasPage },
  { slug: "vertskommuner", title: "Vertskommuneansvar", reportRef: "Tabell 3.2", load: hostsPage },
  { slug: "tilknytningsformer", title: "Juridisk tilknytningsform", reportRef: "Figur 3.1", load: legalFormsPage },
  { slug: "sektorer", title: "Sektorer", reportRef: "Figur 5.1", load: sectorsPage },
  { slug: "bemanning", title: "Bemanning og fagmiljø", reportRef: "Tabell 2.3, 3.3, 3.4, Figur 3.5", load: staffingPage },
  { slug: "tjenestestruktur", title: "Tjenestestruktur", reportRef: "Avsnitt 3.4", load: serviceStructurePage },
];

/** The overview's key figures as a table (live beside the report). */
export async function overviewPage(query: StatsQuery): Promise<StatPage & { overview: StatisticsOverview }> {
  const o = await statisticsOverview(query);
  const r = o.report;
  const row = (figure: string, live: number | null, report: number | null | undefined, decimals = false): StatRow => ({
    figure,
    live: live === null ? null : decimals ? round1(live) : live,
    report: report ?? null,
  });
  const counts = [
    row("Samarbeidsordninger", o.totals.arrangements, r.arrangements),
    row("Kommuner i utvalget", o.totals.municipalities, r.municipalities),
    row("Lokale ordninger (2–3 kommuner)", o.levels.local, r.levels?.local),
    row("Regionale ordninger (4–8 kommuner)", o.levels.regional, r.levels?.regional),
    row("Ordninger på høyere nivå (9+ kommuner)", o.levels.higher, r.levels?.higher),
    row(`Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${yearOf(query.asOf)}`, o.newArrangements, r.newArrangements),
    row("Ordninger over fylkesgrensene", o.crossCounty.total, r.crossCounty),
  ];
  const means = [
    row("Alle kommuner", o.municipalities.mean, r.mean, true),
    ...o.municipalities.byPopulationClass.map((c) =>
      row(`${c.label} innbyggere`, c.mean, r.meanByPopulationClass?.find((p) => p.class === c.key)?.mean, true),
    ),
  ];
  const columns = (decimals?: number): StatColumn[] => [
    { key: "figure", header: "Nøkkeltall" },
    { key: "live", header: "Levende", numeric: true, decimals },
    { key: "report", header: REPORT, numeric: true, decimals },
  ];
  return {
    slug: "oversikt",
    title: "Statistikk",
    reportRef: "Hovedpunkter",
    intro: "",
    overview: o,
    sections: [
      {
        id: "nokkeltall",
        heading: "Nøkkeltall",
        summary: `Per ${query.asOf} har registeret ${n(o.totals.arrangements)} aktive samarbeidsordninger for ${scopeLabel(query.scope)} (${REPORT}: ${n(r.arrangements ?? 0)}).`,
        table: { id: "nokkeltall", title: "Nøkkeltall, levende og i rapporten", columns: columns(), rows: counts, source: "NIVI 2021, Hovedpunkter og kapittel 2" },
        notes: scopeNote(query),
      },
      {
        id: "snitt",
        heading: "Ordninger per kommune i snitt",
        summary: `En kommune deltar i snitt i ${d1(o.municipalities.mean)} ordninger (${REPORT}: ${d1(r.mean)}).`,
        table: { id: "snitt", title: "Gjennomsnittlig antall ordninger per kommune", columns: columns(1), rows: means, source: "NIVI 2021, avsnitt 2.2" },
      },
    ],
  };
}

export async function loadStatPage(slug: string, query: StatsQuery): Promise<StatPage | null> {
  if (slug === "oversikt") return overviewPage(query);
  const page = STAT_PAGES.find((p) => p.slug === slug);
  return page ? page.load(query) : null;
}

/** One table of one page (for CSV/XLSX download); null when the page or table does not exist. */
export async function loadStatTable(pageSlug: string, tableId: string, query: StatsQuery): Promise<{ page: StatPage; table: StatTable } | null> {
  const page = await loadStatPage(pageSlug, query);
  const section = page?.sections.find((s) => s.table.id === tableId);
  return page && section ? { page, table: section.table } : null;
}
