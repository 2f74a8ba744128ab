import { toCsv } from "./csv";
import type { ExportColumn } from "./types";
import { toXlsx, type XlsxSheet } from "./xlsx";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Content-Disposition for a download: an ASCII fallback name plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function downloadResponse(body: string | Uint8Array, filename: string, contentType: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** `filename` without extension; ".csv" is added. */
export function csvResponse<Row>(filename: string, columns: ExportColumn<Row>[], rows: readonly Row[]): Response {
  return downloadResponse(toCsv(columns, rows), `${filename}.csv`, CSV_CONTENT_TYPE);
}

/** `filename` without extension; ".xlsx" is added. */
export async function xlsxResponse<Row>(filename: string, sheets: XlsxSheet<Row>[]): Promise<Response> {
  return downloadResponse(await toXlsx(sheets), `${filename}.xlsx`, XLSX_CONTENT_TYPE);
}
