import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { formatCsvNumber } from "@/lib/export/csv";
import { SURVEY_COLUMNS, type SurveyColumnKey } from "./layout";
import { normalizeName, norwegianDate, unprotect } from "./values";

/**
 * Reading an uploaded kartleggingsfil (XLSX or CSV) into rows of text cells keyed by column. The
 * header row is found by its column names (any order, any case; extra columns are ignored). CSV may
 * start with a BOM, use semicolons (Excel in Norway), commas or tabs, and be UTF-8 or Windows-1252.
 * Numbers become text with a decimal comma and date cells dd.mm.yyyy, so every cell is read as the
 * person saw it in Excel. Pure: no database.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 5000;

export interface SheetRow {
  /** The row number in the file (1 = the first line), as Excel shows it. */
  rowNumber: number;
  cells: Partial<Record<SurveyColumnKey, string>>;
}

export type ParsedFile = { ok: true; kind: "xlsx" | "csv"; sha256: string; rows: SheetRow[]; municipalityName: string | null } | { ok: false; message: string };

const HEADER_INDEX = new Map<string, SurveyColumnKey>(SURVEY_COLUMNS.map((c) => [normalizeName(c.header), c.key]));

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatCsvNumber(value);
  if (typeof value === "boolean") return value ? "Ja" : "Nei";
  if (value instanceof Date) return norwegianDate(value.toISOString().slice(0, 10));
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

/** The table under the header row; rows with no text at all are skipped. */
function tableOf(lines: string[][]): { rows: SheetRow[] } | { message: string } {
  const headerAt = lines.findIndex((cells) => cells.some((c) => HEADER_INDEX.get(normalizeName(c)) === "name"));
  if (headerAt < 0) {
    return { message: "Fant ikke overskriftsraden. Filen må ha kolonnen «Navn på ordning» slik kartleggingsfilen fra registeret har. Last ned kartleggingsfilen og bruk den som mal." };
  }
  const columns = lines[headerAt]!.map((c) => HEADER_INDEX.get(normalizeName(c)) ?? null);
  const rows: SheetRow[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const cells: SheetRow["cells"] = {};
    lines[i]!.forEach((raw, index) => {
      const key = columns[index];
      const text = unprotect(raw ?? "").trim();
      if (key && text && cells[key] === undefined) cells[key] = text;
    });
    if (Object.keys(cells).length) rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length > MAX_ROWS) return { message: `Filen har ${rows.length} rader. Del den opp: høyst ${MAX_ROWS} rader per fil.` };
  return { rows };
}

interface Read {
  lines: string[][];
  municipalityName: string | null;
}

async function readXlsx(bytes: Uint8Array): Promise<Read | { message: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { message: "Filen kunne ikke leses som et Excel-ark (.xlsx). Lagre den som Excel-arbeidsbok eller CSV og prøv igjen." };
  }
  const sheet = workbook.getWorksheet("Kartlegging") ?? workbook.worksheets.find((ws) => ws.rowCount > 0);
  if (!sheet) return { message: "Excel-filen har ingen ark med innhold." };
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    lines[rowNumber - 1] = cells;
  });
  for (let i = 0; i < lines.length; i++) lines[i] ??= [];
  const about = workbook.getWorksheet("Om filen");
  const named = about ? cellText(about.getCell("B1").value).trim() : "";
  return { lines, municipalityName: named || null };
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's "CSV (semikolonseparert)" without UTF-8 writes Windows-1252.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): Read | { message: string } {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) return { message: `CSV-filen har et anførselstegn som ikke er lukket (rad ${(broken.row ?? 0) + 2}). Lagre filen på nytt fra Excel og prøv igjen.` };
  return { lines: parsed.data, municipalityName: null };
}

/** Parses an uploaded file; a Norwegian message when it cannot be read at all. */
export async function parseSurveyFile(bytes: Uint8Array, fileName = ""): Promise<ParsedFile> {
  if (bytes.byteLength === 0) return { ok: false, message: "Filen er tom. Velg kartleggingsfilen (Excel eller CSV)." };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: "Filen er for stor. Største tillatte størrelse er 2 MB." };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip && /\.(xlsx|xlsm|xls)$/i.test(fileName)) {
    return { ok: false, message: "Filen er ikke en Excel-arbeidsbok i .xlsx-format. Lagre den som «Excel-arbeidsbok (.xlsx)» eller som CSV og prøv igjen." };
  }
  const read = isZip ? await readXlsx(bytes) : readCsv(bytes);
  if ("message" in read) return { ok: false, message: read.message };
  const table = tableOf(read.lines);
  if ("message" in table) return { ok: false, message: table.message };
  return { ok: true, kind: isZip ? "xlsx" : "csv", sha256: sha256(bytes), rows: table.rows, municipalityName: read.municipalityName };
}
