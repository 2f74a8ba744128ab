import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SURVEY_FILE_COLUMNS } from "./layout";
import { parseSurveyFile } from "./parse";
import { editDistance, normalizeName, parseDateCell, parseNorwegianNumber, parseStaffing, splitNames, suggestNames, suggestionText } from "./values";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("cell values", () => {
  it("reads Norwegian decimal commas, thousands spaces and plain numbers", () => {
    expect(parseNorwegianNumber("4,5")).toBe(4.5);
    expect(parseNorwegianNumber("1 234,25")).toBe(1234.25);
    expect(parseNorwegianNumber("1\u00a0234,5")).toBe(1234.5);
    expect(parseNorwegianNumber("4.5")).toBe(4.5);
    expect(parseNorwegianNumber("fire")).toBeNull();
    expect(parseStaffing("4,5 (2020)")).toEqual({ fte: 4.5, year: 2020 });
    expect(parseStaffing("12")).toEqual({ fte: 12, year: null });
    expect(parseStaffing("mange")).toBeNull();
  });

  it("reads dd.mm.yyyy, d.m.yy, ISO dates and Excel serial days; refuses days that do not exist", () => {
    expect(parseDateCell("31.12.2025")).toBe("2025-12-31");
    expect(parseDateCell("1.2.26")).toBe("2026-02-01");
    expect(parseDateCell("2025-06-30")).toBe("2025-06-30");
    expect(parseDateCell("45657")).toBe("2024-12-31");
    expect(parseDateCell("31.02.2025")).toBeNull();
    expect(parseDateCell("snart")).toBeNull();
  });

  it("splits name lists and suggests close municipality names, diacritics-insensitive", () => {
    expect(splitNames("Ål, Hol;Gol\nHemsedal, Ål")).toEqual(["Ål", "Hol", "Gol", "Hemsedal"]);
    expect(normalizeName("  Aal ")).toBe(normalizeName("Ål"));
    expect(editDistance("kitten", "sitting")).toBe(3);
    const known = ["Ål", "Hol", "Gol", "Nore og Uvdal", "Nesbyen", "Drammen"];
    expect(suggestNames("Aal", known)[0]).toBe("Ål");
    expect(suggestNames("Nore og Uvdahl", known)).toEqual(["Nore og Uvdal"]);
    expect(suggestNames("Dramen", known)[0]).toBe("Drammen");
    expect(suggestNames("Tromsø", known)).toEqual([]);
    expect(suggestionText(["Ål", "Hol"])).toBe(" Mente du «Ål» eller «Hol»?");
  });
});

describe("parseSurveyFile: CSV", () => {
  it("reads semicolon CSV with a BOM and CRLF as Norwegian Excel writes it, with quoted cells and the formula apostrophe removed", async () => {
    const csv =
      "\uFEFF" +
      [
        SURVEY_FILE_COLUMNS.join(";"),
        '"Legevakt; Hallingdal";"Ål, Hol";"Felles ""legevakt""";2004;Administrativt vertskommunesamarbeid;Ål;4,5 (2020);;31.12.2025;Lagt ned;17',
        ";;;;;;;;;;",
        "'-Ny ordning;Ål, Gol;;;;;;Sektor: Helse;;;",
      ].join("\r\n") +
      "\r\n";
    const parsed = await parseSurveyFile(bytes(csv), "fil.csv");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.kind).toBe("csv");
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]).toEqual({
      rowNumber: 2,
      cells: {
        name: "Legevakt; Hallingdal",
        participants: "Ål, Hol",
        description: 'Felles "legevakt"',
        established: "2004",
        legalForm: "Administrativt vertskommunesamarbeid",
        host: "Ål",
        staffing: "4,5 (2020)",
        endDate: "31.12.2025",
        endReason: "Lagt ned",
        id: "17",
      },
    });
    expect(parsed.rows[1]).toMatchObject({ rowNumber: 4, cells: { name: "-Ny ordning", other: "Sektor: Helse" } });
  });

  it("reads comma-separated UTF-8 and Windows-1252 CSV, columns in any order", async () => {
    const comma = await parseSurveyFile(bytes('ID,Navn på ordning,Årsverk\n5,Barnevern Ål,"2,5"\n'));
    expect(comma.ok && comma.rows[0]!.cells).toEqual({ id: "5", name: "Barnevern Ål", staffing: "2,5" });
    const latin1 = new Uint8Array([...bytes("Navn p"), 0xe5, ...bytes(" ordning;Vertskommune\r\nIKT;"), 0xc5, 0x6c, 0x0d, 0x0a]);
    const parsed = await parseSurveyFile(latin1);
    expect(parsed.ok && parsed.rows[0]!.cells).toEqual({ name: "IKT", host: "Ål" });
  });

  it("answers in Norwegian when the file cannot be used", async () => {
    expect(await parseSurveyFile(new Uint8Array())).toEqual({ ok: false, message: expect.stringContaining("Filen er tom") });
    expect(await parseSurveyFile(bytes("a;b\n1;2\n"))).toEqual({ ok: false, message: expect.stringContaining("Fant ikke overskriftsraden") });
    expect(await parseSurveyFile(bytes("Navn på ordning\n"), "fil.xlsx")).toEqual({ ok: false, message: expect.stringContaining(".xlsx") });
    expect(await parseSurveyFile(new Uint8Array(3 * 1024 * 1024).fill(65))).toEqual({ ok: false, message: expect.stringContaining("for stor") });
    expect(await parseSurveyFile(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).toEqual({ ok: false, message: expect.stringContaining("Excel") });
  });
});

describe("parseSurveyFile: XLSX", () => {
  it("reads the Kartlegging sheet: numbers with decimal commas, date cells as dd.mm.yyyy, rich text, and the municipality from «Om filen»", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kartlegging");
    sheet.addRow([...SURVEY_FILE_COLUMNS]);
    sheet.addRow(["Barnevern", { richText: [{ text: "Ål, " }, { text: "Hol" }] }, null, 2015, null, "Ål", 3.25, null, new Date(Date.UTC(2025, 11, 31)), null, 42]);
    sheet.addRow([]);
    workbook.addWorksheet("Om filen").addRow(["Kartleggingsfil for", "Ål"]);
    const parsed = await parseSurveyFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "kartleggingsfil.xlsx");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.kind).toBe("xlsx");
    expect(parsed.municipalityName).toBe("Ål");
    expect(parsed.rows).toEqual([{ rowNumber: 2, cells: { name: "Barnevern", participants: "Ål, Hol", established: "2015", host: "Ål", staffing: "3,25", endDate: "31.12.2025", id: "42" } }]);
  });
});
