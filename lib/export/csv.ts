import { cellOf, type Cell, type ExportColumn } from "./types";

/**
 * CSV for Norwegian Excel: semicolon separator, decimal comma, UTF-8 with BOM (so Excel does not
 * guess Windows-1252), CRLF line endings, RFC 4180 quoting. Text that Excel would treat as a formula
 * (=, +, -, @ first) is prefixed with an apostrophe (CSV injection). Text with a comma is quoted as
 * well: opened with a comma separator, `Revisjon,=cmd|…` would otherwise split into a cell that
 * starts with "=". A quoted cell stays whole under either separator.
 */
export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";
const NEWLINE = "\r\n";

export function formatCsvNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return "";
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  return text.replace(".", ",");
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function csvCell(value: Cell, decimals?: number): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "number") text = formatCsvNumber(value, decimals);
  else if (typeof value === "boolean") text = value ? "Ja" : "Nei";
  else if (value instanceof Date) text = isoDate(value);
  else {
    text = value;
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  const quote = typeof value === "string" ? /[";,\t\r\n]/ : /[";\r\n]/;
  return quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text, BOM included; one header row, then one line per row. */
export function toCsv<Row>(columns: ExportColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(SEPARATOR)];
  for (const row of rows) lines.push(columns.map((c) => csvCell(cellOf(c, row), c.decimals)).join(SEPARATOR));
  return CSV_BOM + lines.join(NEWLINE) + NEWLINE;
}
