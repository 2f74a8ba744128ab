import "server-only";
import ExcelJS from "exceljs";
import { prisma } from "@/lib/db";
import { formatDecimal } from "@/lib/format";
import { INFERRED_SUFFIX, SURVEY_FILE_COLUMNS } from "@/lib/import/layout";
import { calendarDay, DATE_FORMAT } from "@/lib/export/xlsx";
import type { MunicipalityDetail } from "./index";

export { SURVEY_FILE_COLUMNS };

const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

/**
 * The kartleggingsfil of one municipality: its arrangements (today) in the survey's columns, so a
 * municipality can check and return it in the yearly round. A second sheet says what the file is.
 */
export async function surveyFileXlsx(detail: MunicipalityDetail): Promise<Buffer> {
  const rows = detail.groups.flatMap((g) => g.rows);
  const ids = rows.map((r) => r.id);
  const [staffing, notes] = await Promise.all([
    prisma.staffingRecord.findMany({ where: { arrangementId: { in: ids } }, orderBy: [{ year: "desc" }, { id: "desc" }] }),
    prisma.arrangement.findMany({ where: { id: { in: ids } }, select: { id: true, notes: true } }),
  ]);
  const latestFte = new Map<number, string>();
  // Two decimals when the figure has them, so a returned file reads back the same number.
  const fteText = (fte: number) => formatDecimal(fte, Math.round(fte * 10) === fte * 10 ? 1 : 2);
  for (const s of staffing) if (!latestFte.has(s.arrangementId)) latestFte.set(s.arrangementId, `${fteText(Number(s.fte))} (${s.year})`);
  const noteById = new Map(notes.map((n) => [n.id, n.notes]));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samarbeidsregisteret";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("Kartlegging", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...SURVEY_FILE_COLUMNS]).font = { bold: true };
  for (const r of rows) {
    const other = [
      r.shortName ? `Forkortelse: ${r.shortName}` : null,
      `Sektor: ${r.sector.name}`,
      r.taskAreas.length ? `Oppgaveområde: ${r.taskAreas.map((t) => t.name).join(", ")}` : null,
      noteById.get(r.id) ?? null,
      `Lenke: /ordninger/${r.slug}`,
    ]
      .filter(Boolean)
      .join(". ");
    sheet.addRow([
      safe(r.name),
      safe(r.participants.map((p) => p.name).join(", ")),
      safe(r.description ?? ""),
      r.establishedYear ?? r.establishedLabel,
      r.legalForm ? `${r.legalForm.name}${r.legalForm.inferred ? INFERRED_SUFFIX : ""}` : "",
      r.host?.name ?? "",
      latestFte.get(r.id) ?? "",
      safe(other),
      (r.endDate && calendarDay(r.endDate)) || "",
      "",
      r.id,
    ]);
  }
  sheet.getColumn(9).numFmt = DATE_FORMAT;
  [50, 50, 60, 14, 36, 18, 14, 70, 14, 36, 8].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SURVEY_FILE_COLUMNS.length } };

  const about = workbook.addWorksheet("Om filen");
  about.addRows([
    ["Kartleggingsfil for", detail.name],
    ["Kommunenummer", detail.currentCode ?? ""],
    ["Kommunenummer 2021", detail.code2021 ?? ""],
    ["Per dato", calendarDay(detail.date) ?? detail.date],
    ["Antall ordninger", rows.length],
    ["Kilde", "Samarbeidsregisteret; datagrunnlag NIVI Analyse 2021 for Statsforvalteren i Oslo og Viken, holdt oppdatert av kommunene"],
    ["Årsverk", "Siste registrerte tall, med år i parentes"],
    [
      "Retur",
      "Filen kan lastes opp igjen under «Importer kartleggingsfil». Rett i cellene, legg til nye ordninger som nye rader (uten ID), og skriv sluttdato (dd.mm.åååå) for ordninger som er avsluttet. La ID stå.",
    ],
  ]);
  about.eachRow((row) => row.eachCell((cell) => (cell.value instanceof Date ? (cell.numFmt = DATE_FORMAT) : undefined)));
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 90;
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
