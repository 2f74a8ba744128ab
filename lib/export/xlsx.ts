import ExcelJS from "exceljs";
import { cellOf, type Cell, type ExportColumn } from "./types";

export interface XlsxSheet<Row = Record<string, Cell>> {
  /** Sheet name; shortened to Excel's 31 characters and stripped of []:*?/\ */
  name: string;
  columns: ExportColumn<Row>[];
  rows: readonly Row[];
  /** Optional lines written above the table (title, source, "per dato"). */
  preamble?: string[];
}

export function sheetName(name: string, taken: Set<string> = new Set()): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 31) || "Ark";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function numberFormat(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

export const DATE_FORMAT = "dd.mm.yyyy";
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day (a Date, or a YYYY-MM-DD string) as midnight UTC, which ExcelJS writes as that day's serial number; else null. */
export function calendarDay(value: Cell): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value !== "string") return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** Dates (Date values and YYYY-MM-DD strings) become real date cells, so Excel can sort and filter them as dates. */
function xlsxValue(value: Cell): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? "Ja" : "Nei";
  return calendarDay(value) ?? value;
}

/** An XLSX workbook (one sheet per table) as bytes. Numbers are real numbers with a number format, dates real dates. */
export async function toXlsx<Row>(sheets: XlsxSheet<Row>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samarbeidsregisteret";
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, taken));
    const preamble = sheet.preamble ?? [];
    for (const line of preamble) ws.addRow([line]);
    if (preamble.length) ws.addRow([]);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    const headerRow = header.number;
    for (const row of sheet.rows) {
      const added = ws.addRow(sheet.columns.map((c) => xlsxValue(cellOf(c, row))));
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    }
    sheet.columns.forEach((column, index) => {
      const col = ws.getColumn(index + 1);
      const format = numberFormat(column.decimals);
      if (format)
        col.eachCell((cell, rowNumber) => {
          if (rowNumber > headerRow) cell.numFmt = format;
        });
      const longest = Math.max(column.header.length, ...sheet.rows.map((r) => String(cellOf(column, r) ?? "").length));
      col.width = column.width ?? Math.min(60, Math.max(8, longest + 2));
    });
    ws.views = [{ state: "frozen", ySplit: headerRow }];
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
