import { describe, expect, it } from "vitest";
import { reportFiguresFromSeed } from "../../lib/domain/report-figures.ts";
import type { Dataset } from "../../seed/load.ts";
import { compareWithPrintedFigures, compareWithSeed, knownMunicipalityNames, slugOf } from "./report-check.ts";
import { parseParticipantTables } from "./report-tables.ts";

/** A small text with the report's quirks: wrapped names, hyphenated line breaks, bare counts,
 *  "Eid av … inkl.", a page footer, a skipped and a repeated row number, two captions before two headers. */
const FIXTURE = `
Tabell 4.4 Registrerte samarbeidsordninger for Ål kommune 

Nr Navn samarbeidsordning Deltakerkommuner 

1 Øvre Hallingdal legevakt Hol, Ål

2 Jordmorvakt Hol, Ål, Gol og Hemsedal Hol, Ål, Gol, Hemsedal

4 Samarbeid om avløpstilsyn og 

vassforvaltning i Hallingdal

Ål, Gol, Hemsedal

- NIVI Analyse AS 

4 IKA Opplandene 44 kommuner
 4.6 Samarbeidet i Ringeriksregionen 

 Tabell 5.5 Interkommunale samarbeidsordninger innenfor planlegging og byggesak     
Tabell 5.6 Interkommunale samarbeidsordninger innenfor landbruk og naturforvaltning 
Nr Navn på samarbeidsordning Deltakerkommuner
1 Krisesenteret Asker, Bærum og Lier Asker, Bærum, Lier
Nr Navn på samarbeidsordning Deltakerkommuner
1 IKA Kongsberg
Eid av 37 kommuner inkl. Hol, 

Hjardal
2 Nok. Gjøvik IKS Gran, Lunner og 13 kommuner i Oppland
3 Barnevernvakten i Telemark Alle kommunene i Telemark (17)
4 IUA Oppland Gran, Lunner, Sør-

Aurdal
 Figur 5.15 Samarbeid om felles landbrukstjeneste.
`;

const municipalities = ["Hol", "Ål", "Gol", "Hemsedal", "Asker", "Bærum", "Lier", "Gran", "Lunner", "Hjartdal", "Sør-Aurdal"].map((name) => ({
  slug: slugOf(name),
  name,
  inSurveyScope: true,
  codes: [],
  counties: [],
  population: [],
}));

describe("parseParticipantTables", () => {
  const tables = parseParticipantTables(FIXTURE, knownMunicipalityNames({ municipalities }));

  it("pairs captions with headers in order and labels chapter-4 tables with the municipality", () => {
    expect(tables.map((t) => [t.table, t.rows.length])).toEqual([
      ["Tabell 4.4 (Ål)", 4],
      ["Tabell 5.5", 1],
      ["Tabell 5.6", 4],
    ]);
    expect(tables[0]!.municipality).toBe("Ål");
  });

  it("joins wrapped rows, keeps repeated and skipped numbers, and splits the name from the list", () => {
    const [al] = tables;
    expect(al!.rows.map((r) => r.nr)).toEqual([1, 2, 4, 4]);
    expect(al!.rows[1]).toMatchObject({ name: "Jordmorvakt Hol, Ål, Gol og Hemsedal", names: ["Hol", "Ål", "Gol", "Hemsedal"], partial: false });
    expect(al!.rows[2]).toMatchObject({ name: "Samarbeid om avløpstilsyn og vassforvaltning i Hallingdal", names: ["Ål", "Gol", "Hemsedal"] });
    expect(al!.rows[3]).toMatchObject({ name: "IKA Opplandene", names: [], count: 44, partial: true });
  });

  it("reads names containing commas, «Eid av … inkl.», «og N kommuner», «Alle kommunene» and hyphenated breaks", () => {
    expect(tables[1]!.rows[0]).toMatchObject({ name: "Krisesenteret Asker, Bærum og Lier", names: ["Asker", "Bærum", "Lier"] });
    const [ika, nok, telemark, iua] = tables[2]!.rows;
    expect(ika).toMatchObject({ name: "IKA Kongsberg", names: ["Hol", "Hjardal"], count: 37, partial: true });
    expect(nok).toMatchObject({ name: "Nok. Gjøvik IKS", names: ["Gran", "Lunner"], count: 15, partial: true });
    expect(telemark).toMatchObject({ name: "Barnevernvakten i Telemark", names: [], count: 17 });
    expect(iua).toMatchObject({ name: "IUA Oppland", names: ["Gran", "Lunner", "Sør-Aurdal"], partial: false });
  });
});

describe("compareWithSeed", () => {
  const arrangement = (id: string, name: string, participants: string[], sources: string[], extra: Partial<Dataset["arrangements"][number]> = {}) =>
    ({
      id,
      name,
      sector: "HEALTH",
      taskAreas: [],
      staffing: [],
      participants: participants.map((municipality) => ({ municipality, role: "MEMBER" as const })),
      sources,
      file: "test.json",
      ...extra,
    }) as Dataset["arrangements"][number];

  it("prints each disagreement: a missing participant, an extra one, a wrong row citation and a list owner who is not a member", () => {
    const text = `Tabell 4.4 Registrerte samarbeidsordninger for Ål kommune
Nr Navn samarbeidsordning Deltakerkommuner
1 Øvre Hallingdal legevakt Hol, Ål
2 Jordmorvakt Hol, Ål, Gol og Hemsedal Hol, Ål, Gol, Hemsedal
3 IKA Opplandene 44 kommuner
`;
    const dataset = {
      municipalities,
      arrangements: [
        arrangement("ovre-hallingdal-legevakt", "Øvre Hallingdal legevakt", ["hol"], ["NIVI 2021, Tabell 4.4 (Ål), rad 1"]),
        arrangement("jordmorvakt", "Jordmorvakt Hol, Ål, Gol og Hemsedal", ["hol", "al", "gol", "hemsedal", "lier"], ["NIVI 2021, Tabell 4.4 (Ål), rad 9"]),
        arrangement("ika-opplandene", "IKA Opplandene", ["gran", "lunner"], ["NIVI 2021, Tabell 4.4 (Ål), rad 3"], { statedParticipantCount: 44 }),
      ],
    };
    const result = compareWithSeed(parseParticipantTables(text, knownMunicipalityNames(dataset)), dataset);
    expect(result).toMatchObject({ rows: 3, matched: 3 });
    expect(result.disagreements.map((d) => `${d.nr}: ${d.message}`)).toEqual([
      "1: i rapporten, men ikke i registeret: Ål",
      "1: står i lista for Ål, men Ål er ikke deltaker i registeret",
      "2: i registeret, men ikke i rapportens liste: Lier",
      "2: kildehenvisningen i registeret peker på en annen rad i Tabell 4.4 (Ål)",
      "3: står i lista for Ål, men Ål er ikke deltaker i registeret",
    ]);
  });

  it("reports a row it cannot match to any arrangement", () => {
    const text = `Tabell 5.2 Interkommunale samarbeidsordninger om kommunehelsetjenester
Nr Navn på samarbeidsordning Deltakerkommuner
1 Felles ergoterapeut Hallingdal Hol, Ål
`;
    const result = compareWithSeed(parseParticipantTables(text, knownMunicipalityNames({ municipalities })), { municipalities, arrangements: [] });
    expect(result.disagreements).toEqual([{ table: "Tabell 5.2", nr: 1, arrangement: null, message: "fant ingen ordning i registeret med navnet «Felles ergoterapeut Hallingdal»" }]);
  });
});

describe("compareWithPrintedFigures", () => {
  const text = `Tabell 2.4 Interkommunale samarbeidsordninger med Vestfold og Telemark
Nr Navn på samarbeidsordning Deltakerkommuner
1 Øvre Hallingdal legevakt Hol, Ål
2 Jordmorvakt Hol, Ål, Gol og Hemsedal Hol, Ål, Gol
3 IKA Opplandene 44 kommuner
4 Krisesenteret Asker, Bærum og Lier Asker, Bærum, Lier
`;
  const figures = reportFiguresFromSeed(
    {
      crossCounty: {
        total: 3,
        source: "NIVI 2021, avsnitt 2.5",
        groups: [],
        tables: {
          "2.4": {
            table: "2.4",
            source: "NIVI 2021, Tabell 2.4",
            rows: [
              { nr: 1, name: "Øvre Hallingdal legevakt", participants: ["Hol", "Ål"] },
              { nr: 2, name: "Jordmorvakt Hol, Ål, Gol og Hemsedal", participants: ["Hol", "Ål", "Gol", "Hemsedal"] },
              { nr: 3, name: "IKA Kongsberg", participants: [] },
            ],
          },
        },
      },
    },
    ["crossCounty", "chapter4Lists"] as const,
  );
  const result = compareWithPrintedFigures(parseParticipantTables(text, knownMunicipalityNames({ municipalities })), figures);

  it("finds each text row among the printed figures under its number and reports what differs", () => {
    expect(result).toMatchObject({ rows: 4, matched: 3 });
    expect(result.disagreements.map((d) => `${d.nr}: ${d.message}`)).toEqual([
      "2: i rapporttallene, men ikke i rapportteksten: hemsedal",
      "3: navnet er «IKA Opplandene» i rapportteksten, men «IKA Kongsberg» i rapporttallene",
      "4: rad nr. 4 («Krisesenteret Asker, Bærum og Lier») står i rapportteksten, men ikke i rapporttallene (baseline.json)",
    ]);
  });

  it("gives null for keys the figures do not have", () => {
    expect(figures.chapter4Lists).toBeNull();
  });
});
