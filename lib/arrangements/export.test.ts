import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/csv";
import { toXlsx } from "@/lib/export/xlsx";
import { arrangementExportColumns } from "./export";
import type { ArrangementRow } from "./types";

const row: ArrangementRow = {
  id: 1,
  slug: "ikt-hallingdal",
  name: "=IKT Hallingdal; «drift»",
  shortName: null,
  description: null,
  sector: { code: "ADMIN", name: "Administrasjon og støttetjenester" },
  taskAreas: [{ slug: "ikt", name: "IKT" }],
  legalForm: { code: "HOST_ADMIN", name: "Administrativt vertskommunesamarbeid", inferred: true },
  host: { id: 2, slug: "al", name: "Ål", code: "3328" },
  participants: [
    { id: 2, slug: "al", name: "Ål", code: "3328", role: "MEMBER" },
    { id: 3, slug: "hol", name: "Hol", code: "3330", role: "MEMBER" },
  ],
  namedParticipantCount: 2,
  participantCount: 2,
  level: "lokalt",
  crossCounty: false,
  establishedYear: 2004,
  establishedLabel: "2004",
  period: "2000-2014",
  endDate: null,
  active: true,
  orgNr: "974760673",
  source: "NIVI 2021, Tabell 5.1, rad 3",
};

describe("arrangement downloads", () => {
  it("writes CSV with BOM, semicolons, CRLF and neutralised formulas", () => {
    const columns = arrangementExportColumns(["kryss"], "https://example.org");
    const header = columns.map((c) => c.header);
    const csv = toCsv(columns, [row]);
    expect(csv.startsWith("\uFEFFNavn;Sektor;")).toBe(true);
    expect(header).not.toContain("Over fylkesgrense");
    expect(csv).toContain("\r\n");
    expect(csv.split("\r\n")[1]).toMatch(/^"'=IKT Hallingdal; «drift»";/);
    expect(csv).toContain("Administrativt vertskommunesamarbeid (utledet)");
    expect(csv).toContain("https://example.org/ordninger/ikt-hallingdal");
    expect(header).toContain("Organisasjonsnummer");
    expect(csv).toContain(";974760673;https://data.brreg.no/enhetsregisteret/oppslag/enheter/974760673;");
  });

  it("writes an XLSX that exceljs reads back", async () => {
    const columns = arrangementExportColumns([], "https://example.org");
    const header = columns.map((c) => c.header);
    const buffer = await toXlsx([{ name: "Ordninger", columns, rows: [row] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Ordninger")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Navn");
    // A text cell in XLSX is never evaluated as a formula, so the name is kept exactly.
    expect(sheet.getRow(2).getCell(1).value).toBe("=IKT Hallingdal; «drift»");
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(header.indexOf("Deltakerkommuner") + 1).value).toBe("Ål, Hol");
    expect(sheet.getRow(2).getCell(header.indexOf("Organisasjonsnummer") + 1).value).toBe("974760673");
  });
});
