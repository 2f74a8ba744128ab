import type { StatsQuery } from "../engine/scope";
import { isSmallChildWelfareTeam, SMALL_CHILD_WELFARE_FTE, staffingTables, totalFte, type StaffedArrangement } from "../staffing";
import type { StatPageBody, StatSection, StatTable } from "../tables";
import { d1, n, pageFigures, REPORT } from "./shared";

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

export async function staffingPage(query: StatsQuery): Promise<StatPageBody> {
  const [tables, baseline] = await Promise.all([staffingTables(query), pageFigures(["staffing"] as const)]);
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
  /** Hallingdal's child welfare service is printed in both Tabell 2.3 and Tabell 3.3, with different FTE. */
  const childWelfareTwiceNote = (): string[] => {
    const startsWith = (text: string) => text.toLocaleLowerCase("nb").startsWith("hallingdal barnevern");
    const inHallingdalTable = s?.hallingdal.rows.find((r) => startsWith(r.name));
    const inChildWelfareTable = s?.childWelfare.rows.find((r) => startsWith(r.service));
    if (!inHallingdalTable || !inChildWelfareTable || inHallingdalTable.fte === inChildWelfareTable.fte) return [];
    return [`${inChildWelfareTable.service} står med ${d1(inHallingdalTable.fte)} årsverk i Tabell 2.3 og ${d1(inChildWelfareTable.fte)} i Tabell 3.3; registeret bruker sist registrerte tall.`];
  };
  return {
    intro:
      "Årsverk i de interkommunale tjenestene, fra registerets bemanningstall (siste registrerte år til og med valgt dato), ved siden av rapportens tabeller. " +
      "Rapportens tabeller har også kommunale tjenester, som ikke er samarbeidsordninger og derfor ikke står i registeret.",
    sections: [
      section(
        "hallingdal",
        "Hallingdal",
        `Registeret har ${n(tables.hallingdal.length)} ordninger med deltakere i Hallingdal og bemanningstall, til sammen ${d1(totalFte(tables.hallingdal))} årsverk (${REPORT}, Tabell 2.3: ${d1(s?.hallingdal.total)} årsverk).`,
        staffingLiveTable("bemanning-hallingdal", "Årsverk i ordninger med deltakere i Hallingdal (registeret nå)", tables.hallingdal, false, "Registeret; NIVI 2021, Tabell 2.3"),
        childWelfareTwiceNote(),
      ),
      section("hallingdal-rapport", "Hallingdal i rapporten", `Tabell 2.3 har ${n(s?.hallingdal.rows.length ?? 0)} ordninger med ${d1(s?.hallingdal.total)} årsverk.`, hallingdalPrinted),
      section(
        "barnevern",
        "Barneverntjenester",
        `${n(tables.childWelfare.length)} interkommunale barneverntjenester har bemanningstall, til sammen ${d1(totalFte(tables.childWelfare))} årsverk. ` +
          (small.length
            ? `${n(small.length)} har under ${SMALL_CHILD_WELFARE_FTE} årsverk: ${small.map((r) => r.name).join(", ")}.`
            : `Ingen har under ${SMALL_CHILD_WELFARE_FTE} årsverk, som er anbefalt minstestørrelse for et fagmiljø.`),
        staffingLiveTable("bemanning-barnevern", "Årsverk i interkommunale barneverntjenester (registeret nå)", tables.childWelfare, true, "Registeret; NIVI 2021, Tabell 3.3"),
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
        staffingLiveTable("bemanning-nav", "Kommunale årsverk i felles NAV-kontor (registeret nå)", tables.nav, false, "Registeret; NIVI 2021, Tabell 3.4"),
      ),
      section(
        "nav-rapport",
        "NAV-kontor i rapporten",
        `Tabell 3.4 har ${n(s?.nav.rows.length ?? 0)} NAV-kontor med ${d1(s?.nav.sum.totalFte)} årsverk i alt.`,
        navPrinted,
        s?.nav.note ? [s.nav.note] : [],
      ),
      section(
        "ppt",
        "PP-tjenester",
        `${n(tables.ppt.length)} interkommunale PP-tjenester har bemanningstall, til sammen ${d1(totalFte(tables.ppt))} årsverk.`,
        staffingLiveTable("bemanning-ppt", "Årsverk i interkommunale PP-tjenester (registeret nå)", tables.ppt, false, "Registeret; NIVI 2021, Figur 3.5"),
      ),
      section(
        "ppt-rapport",
        "PP-tjenester i rapporten",
        `Figur 3.5 har ${n(s?.ppt.rows.length ?? 0)} PP-tjenester med ${d1(s?.ppt.sum.totalFte)} årsverk.`,
        pptPrinted,
        s?.ppt.note ? [s.ppt.note] : [],
      ),
    ],
  };
}
