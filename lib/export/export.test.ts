import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { contentDisposition, csvResponse, toCsv, toXlsx, xlsxResponse, type ExportColumn } from "./index";

interface Row {
  name: string;
  count: number;
  mean: number | null;
  active: boolean;
}

const columns: ExportColumn<Row>[] = [
  { header: "Kommune", key: "name" },
  { header: "Antall", key: "count" },
  { header: "Snitt", key: "mean", decimals: 1 },
  { header: "Aktiv", value: (r) => r.active },
];
const rows: Row[] = [
  { name: "Ål", count: 44, mean: 34, active: true },
  { name: 'Nore og Uvdal; "NU"', count: 34, mean: 31.4285, active: false },
  { name: "=SUM(A1)", count: 0, mean: null, active: true },
];

describe("toCsv", () => {
  const csv = toCsv(columns, rows);

  it("starts with a UTF-8 BOM and uses semicolons and CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe("Kommune;Antall;Snitt;Aktiv");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("writes decimal commas with the column's decimals, Ja/Nei, and empty cells for null", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe("Ål;44;34,0;Ja");
    expect(lines[2]).toBe('"Nore og Uvdal; ""NU""";34;31,4;Nei');
    expect(lines[3]).toBe("'=SUM(A1);0;;Ja");
  });

  it("round-trips through a semicolon CSV parser", async () => {
    const Papa = (await import("papaparse")).default;
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[2]).toEqual(['Nore og Uvdal; "NU"', "34", "31,4", "Nei"]);
  });

  it("keeps a formula out of every cell when the file is opened with a comma separator", async () => {
    const Papa = (await import("papaparse")).default;
    const hostile = toCsv([{ header: "Navn", key: "name" }], [{ name: "Revisjon,=cmd|' /C calc'!A0,x" }, { name: "Ål\t=1+1" }]);
    for (const delimiter of [",", ";", "\t"]) {
      const cells = Papa.parse<string[]>(hostile.slice(1), { delimiter, skipEmptyLines: true }).data.flat();
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    expect(Papa.parse<string[]>(hostile.slice(1), { delimiter: ";", skipEmptyLines: true }).data[1]).toEqual(["Revisjon,=cmd|' /C calc'!A0,x"]);
  });
});

describe("toXlsx", () => {
  it("writes one sheet per table with numbers as numbers and a number format", async () => {
    const bytes = await toXlsx([
      { name: "Per kommune: Tabell 3.2 [2021]", columns, rows, preamble: ["Tittel", "Kilde: NIVI 2021"] },
      { name: "Per kommune: Tabell 3.2 [2021]", columns, rows: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Per kommune Tabell 3.2 2021", "Per kommune Tabell 3.2 2021 2"]);
    const ws = workbook.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("Tittel");
    expect(ws.getRow(4).values).toEqual([undefined, "Kommune", "Antall", "Snitt", "Aktiv"]);
    expect(ws.getCell("A5").value).toBe("Ål");
    expect(ws.getCell("C6").value).toBeCloseTo(31.4285);
    expect(ws.getCell("C6").numFmt).toBe("0.0");
    expect(ws.getCell("D6").value).toBe("Nei");
  });
});

describe("dates in XLSX", () => {
  it("writes YYYY-MM-DD strings and Date values as real date cells with a Norwegian date format", async () => {
    const bytes = await toXlsx([
      {
        name: "Datoer",
        columns: [
          { header: "Fra", key: "fra" },
          { header: "Til", key: "til" },
          { header: "Tekst", key: "tekst" },
        ],
        rows: [{ fra: "2021-11-01", til: new Date(Date.UTC(2025, 11, 31)), tekst: "2021-02-30" }],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.getCell("A2").value).toEqual(new Date(Date.UTC(2021, 10, 1)));
    expect(ws.getCell("A2").numFmt).toBe("dd.mm.yyyy");
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(ws.getCell("C2").value).toBe("2021-02-30");
  });
});

describe("download responses", () => {
  it("sets Content-Disposition with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("oppgaveområder-2021.csv")).toBe(`attachment; filename="oppgaveomrader-2021.csv"; filename*=UTF-8''oppgaveomr%C3%A5der-2021.csv`);
    expect(contentDisposition("Ålø.xlsx")).toContain('filename="Alo.xlsx"');
  });

  it("sends CSV and XLSX with the right content types", async () => {
    const csv = csvResponse("tabell", columns, rows);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain('filename="tabell.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await xlsxResponse("tabell", [{ name: "Ark", columns, rows }]);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(zip[0]!, zip[1]!)).toBe("PK");
  });
});
