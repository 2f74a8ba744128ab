import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MUTATIONS } from "@/lib/changes";
import { csvCell } from "@/lib/export/csv";
import { municipalityDetail } from "@/lib/municipalities";
import { surveyFileXlsx } from "@/lib/municipalities/survey-file";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { SURVEY_FILE_COLUMNS } from "./layout";
import { previewImport } from "./mutation";
import type { ImportPlan } from "./plan";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
let al: number;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
  al = await t.municipality("al");
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const col = (header: string) => SURVEY_FILE_COLUMNS.indexOf(header) + 1;

async function exportedWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await surveyFileXlsx(await municipalityDetail(al))) as unknown as ArrayBuffer);
  return workbook;
}

async function base64(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

/** The workbook's first sheet as semicolon CSV with BOM and CRLF, as Excel in Norway saves it. */
function asCsv(workbook: ExcelJS.Workbook): string {
  const lines: string[] = [];
  workbook.getWorksheet("Kartlegging")!.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= SURVEY_FILE_COLUMNS.length; c++) {
      const v = row.getCell(c).value;
      cells.push(csvCell(typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as string | number | null)));
    }
    lines.push(cells.join(";"));
  });
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

async function preview(actor: TestActors["alEditor"], file: string, fileName = "kartleggingsfil.xlsx"): Promise<ImportPlan> {
  const result = await previewImport(actor, { municipalityId: String(al), file, fileName });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const pendingRequests = () => prisma.changeRequest.count();

/** Rows of Ål's file: one whose participants can take Hemsedal, and another one that can be ended. */
function pickRows(sheet: ExcelJS.Worksheet): { addTo: number; end: number } {
  let addTo = 0;
  let end = 0;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const participants = String(row.getCell(col("Deltakerkommuner")).value ?? "");
    if (!addTo && !participants.includes("Hemsedal") && participants.includes("Ål")) addTo = n;
    else if (!end && n !== addTo) end = n;
  });
  return { addTo, end };
}

describe("kartleggingsfil import", () => {
  it("round trip: the exported file, imported unchanged (XLSX and semicolon CSV), changes nothing", async () => {
    const workbook = await exportedWorkbook();
    const rows = workbook.getWorksheet("Kartlegging")!.rowCount - 1;
    expect(rows).toBeGreaterThan(10);
    for (const [file, name] of [
      [await base64(workbook), "kartleggingsfil.xlsx"],
      [Buffer.from(asCsv(workbook)).toString("base64"), "kartleggingsfil.csv"],
    ] as const) {
      for (const actor of [t.alEditor, t.adviser]) {
        const plan = await preview(actor, file, name);
        expect(plan.rows.filter((r) => r.status !== "unchanged").map((r) => ({ row: r.rowNumber, errors: r.errors, diff: r.diff }))).toEqual([]);
        expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: rows, error: 0 });
      }
    }
    const before = await pendingRequests();
    const result = await MUTATIONS.importSpreadsheet(t.alEditor, { municipalityId: String(al), file: await base64(workbook), fileName: "kartleggingsfil.xlsx" });
    expect(result).toMatchObject({ ok: false, kind: "validation", message: "Filen har ingen endringer å lagre. Ingenting er lagret." });
    expect(await pendingRequests()).toBe(before);
  });

  it("a changed file (one new participant, one ended arrangement) gives exactly those two change requests", async () => {
    const workbook = await exportedWorkbook();
    const sheet = workbook.getWorksheet("Kartlegging")!;
    const { addTo, end } = pickRows(sheet);
    const participants = sheet.getRow(addTo).getCell(col("Deltakerkommuner"));
    participants.value = `${String(participants.value)}, Hemsedal`;
    sheet.getRow(end).getCell(col("Sluttdato")).value = "31.12.2025";
    sheet.getRow(end).getCell(col("Grunn til avslutning")).value = "Lagt inn i regionrådet.";
    const addId = Number(sheet.getRow(addTo).getCell(col("ID")).value);
    const endId = Number(sheet.getRow(end).getCell(col("ID")).value);
    const file = await base64(workbook);

    const plan = await preview(t.alEditor, file);
    expect(plan.mode).toBe("propose");
    expect(plan.counts).toMatchObject({ new: 0, changed: 2, error: 0 });
    const changed = plan.rows.filter((r) => r.status === "changed");
    expect(changed.map((r) => r.rowNumber)).toEqual([addTo, end].sort((a, b) => a - b));
    expect(plan.rows.find((r) => r.rowNumber === addTo)!.diff).toEqual([expect.objectContaining({ label: "Deltakerkommune Hemsedal", before: null, after: "deltaker" })]);
    expect(plan.rows.find((r) => r.rowNumber === end)!.diff.map((d) => [d.label, d.after])).toEqual([
      ["Sluttdato", "2025-12-31"],
      ["Grunn til avslutning", "Lagt inn i regionrådet."],
    ]);

    const before = await prisma.changeRequest.findMany({ select: { id: true } });
    const result = await MUTATIONS.importSpreadsheet(t.alEditor, { municipalityId: String(al), file, fileName: "kartleggingsfil.xlsx", fileSha256: plan.fileSha256, planHash: plan.planHash });
    expect(result).toMatchObject({ ok: true, outcome: "proposed" });
    const created = await prisma.changeRequest.findMany({ where: { id: { notIn: before.map((b) => b.id) } }, orderBy: { id: "asc" } });
    const add = ["addParticipant", addId, "PENDING", al, t.alEditor.id];
    const ending = ["endArrangement", endId, "PENDING", al, t.alEditor.id];
    expect(created.map((c) => [c.action, c.arrangementId, c.status, c.municipalityId, c.proposerId])).toEqual(addTo < end ? [add, ending] : [ending, add]);
    if (result.ok) expect(result.changeRequestIds).toEqual(created.map((c) => c.id));
    // Nothing is applied before an adviser approves.
    expect(await prisma.arrangement.findUniqueOrThrow({ where: { id: endId }, select: { endDate: true } })).toEqual({ endDate: null });
    expect(await prisma.auditEvent.count({ where: { arrangementId: { in: [addId, endId] } } })).toBe(0);
  });

  it("a file with an error changes nothing until the bad row is excluded; unknown names get suggestions", async () => {
    const workbook = await exportedWorkbook();
    const sheet = workbook.getWorksheet("Kartlegging")!;
    const { addTo, end } = pickRows(sheet);
    sheet.getRow(addTo).getCell(col("Innhold")).value = "Ny beskrivelse fra kommunen.";
    const bad = sheet.getRow(end).getCell(col("Deltakerkommuner"));
    bad.value = `${String(bad.value)}, Hemsdal`;
    sheet.getRow(end).getCell(col("Sluttdato")).value = "31.02.2025";
    const file = await base64(workbook);
    const plan = await preview(t.adviser, file);
    expect(plan.counts).toMatchObject({ changed: 1, error: 1 });
    const errorRow = plan.rows.find((r) => r.rowNumber === end)!;
    expect(errorRow.errors).toEqual(["Ukjent kommune «Hemsdal». Mente du «Hemsedal»?", "Sluttdato «31.02.2025» er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 31.12.2025."]);
    expect(plan.unknownMunicipalities).toEqual([{ name: "Hemsdal", rows: [end], suggestions: expect.arrayContaining(["Hemsedal"]) }]);

    const events = await prisma.auditEvent.count();
    const refused = await MUTATIONS.importSpreadsheet(t.adviser, { municipalityId: String(al), file, fileName: "fil.xlsx", fileSha256: plan.fileSha256, planHash: plan.planHash });
    expect(refused).toMatchObject({ ok: false, kind: "validation", message: expect.stringContaining(`(rad ${end})`) });
    expect(await prisma.auditEvent.count()).toBe(events);

    const applied = await MUTATIONS.importSpreadsheet(t.adviser, {
      municipalityId: String(al),
      file,
      fileName: "fil.xlsx",
      fileSha256: plan.fileSha256,
      planHash: plan.planHash,
      excludedRowIds: [String(end)],
    });
    expect(applied).toMatchObject({ ok: true, outcome: "applied" });
    const id = Number(sheet.getRow(addTo).getCell(col("ID")).value);
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id } })).description).toBe("Ny beskrivelse fra kommunen.");
    expect(await prisma.auditEvent.count()).toBe(events + 1);

    // The same confirmation again: the registry changed since that preview, so it is refused.
    const stale = await MUTATIONS.importSpreadsheet(t.adviser, {
      municipalityId: String(al),
      file,
      fileName: "fil.xlsx",
      fileSha256: plan.fileSha256,
      planHash: plan.planHash,
      excludedRowIds: [String(end)],
    });
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("an editor's rows for arrangements without their municipality are errors; new rows become proposals for new arrangements", async () => {
    const other = await prisma.arrangement.findFirstOrThrow({ where: { participations: { none: { municipalityId: al } }, endDate: null }, select: { id: true, name: true } });
    const csv = [
      "Navn på ordning;Deltakerkommuner;Vertskommune;Annen informasjon;Innhold;ID",
      `${other.name};;;;Endret av Ål;${other.id}`,
      "Jordmortjeneste Ål–Hol;Ål, Hol;Ål;Sektor: Helsetjenester. Forkortelse: JÅH;Felles jordmor.;",
    ].join("\r\n");
    const plan = await preview(t.alEditor, Buffer.from(csv).toString("base64"), "fil.csv");
    expect(plan.rows[0]).toMatchObject({ status: "error", errors: ["Du kan bare foreslå endringer i ordninger der din kommune deltar."] });
    expect(plan.rows[1]).toMatchObject({ status: expect.stringMatching(/new|error/) });
    if (plan.rows[1]!.status === "error") throw new Error(plan.rows[1]!.errors.join(" "));
    expect(plan.rows[1]!.diff.map((d) => d.label)).toEqual(expect.arrayContaining(["Navn", "Sektor", "Vertskommune", "Kortnavn"]));
  });
});
