import ExcelJS from "exceljs";
import Papa from "papaparse";
import { ARRANGEMENT_COLUMNS, LEVEL_NAMES, type ArrangementColumnId } from "./columns";
import type { ArrangementRow } from "./types";

/**
 * Downloads of the arrangements list: CSV the way Norwegian Excel opens it directly (semicolon,
 * UTF-8 with BOM, CRLF) and XLSX. Cells that start with = + - @ are neutralised (papaparse's
 * escapeFormulae) so a name can never run as a spreadsheet formula.
 */
type Cell = string | number | null;

const VALUE: Record<ArrangementColumnId, (row: ArrangementRow) => Cell> = {
  navn: (r) => r.name,
  sektor: (r) => r.sector.name,
  oppgave: (r) => r.taskAreas.map((t) => t.name).join(", "),
  form: (r) => (r.legalForm ? `${r.legalForm.name}${r.legalForm.inferred ? " (utledet)" : ""}` : ""),
  vert: (r) => r.host?.name ?? "",
  deltakere: (r) => r.participantCount,
  nivaa: (r) => LEVEL_NAMES[r.level],
  etablert: (r) => r.establishedLabel,
  kryss: (r) => (r.crossCounty ? "Ja" : "Nei"),
};

export function exportTable(rows: ArrangementRow[], hidden: ArrangementColumnId[], baseUrl: string): { header: string[]; body: Cell[][] } {
  const columns = ARRANGEMENT_COLUMNS.filter((c) => !hidden.includes(c.id));
  const header = [...columns.map((c) => c.label), "Deltakerkommuner", "Kommunenummer (deltakere)", "Kilde", "Lenke"];
  const body = rows.map((row) => [
    ...columns.map((c) => VALUE[c.id](row)),
    row.participants.map((p) => p.name).join(", "),
    row.participants.map((p) => p.code ?? "").join(", "),
    row.source ?? "",
    `${baseUrl}/ordninger/${row.slug}`,
  ]);
  return { header, body };
}

export function toCsv(header: string[], body: Cell[][]): string {
  const csv = Papa.unparse([header, ...body.map((r) => r.map((c) => (c === null ? "" : c)))], { delimiter: ";", newline: "\r\n", escapeFormulae: true });
  return `\uFEFF${csv}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export async function toXlsx(sheetName: string, header: string[], body: Cell[][], widths?: number[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samarbeidsregisteret";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row.map((c) => (typeof c === "string" && FORMULA_START.test(c) ? `'${c}` : c)));
  sheet.columns.forEach((column, i) => {
    column.width = widths?.[i] ?? Math.min(60, Math.max(10, (header[i]?.length ?? 10) + 2));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
