import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record";
import { operationNamed } from "@/lib/changes/arrangements";
import { decide, runBoundChange } from "@/lib/changes/pipeline";
import type { Success } from "@/lib/changes/mutation";
import { MESSAGES as M } from "@/lib/changes/result";
import { activeParticipants, type ArrangementSnapshot, diffSnapshots, type DiffEntry, loadLookups, loadSnapshot, loadSnapshots, type Lookups, type Tx } from "@/lib/changes/snapshot";
import { fieldErrors } from "@/lib/changes/validation";
import { isParticipationActiveOn } from "@/lib/domain/activity";
import { todayInNorway, yearOf } from "@/lib/domain/today";
import { DEFAULT_END_REASON, INFERRED_SUFFIX, STAFFING_SOURCE } from "./layout";
import type { SheetRow } from "./parse";
import { normalizeName, parseDateCell, parseStaffing, sameText, splitNames, suggestNames, suggestionText } from "./values";

/**
 * The import plan: each row of a kartleggingsfil compared with the registry and turned into the
 * same operations the edit form sends (updateArrangement, addParticipant, setHost,
 * removeParticipant, recordStaffing, endArrangement, createArrangement). Every change is validated
 * by that operation's own schema and preview and authorized by the same decision as the form
 * (lib/changes/pipeline.ts), chained per row, so the preview shows exactly what confirming does.
 * A blank cell means «not given» and changes nothing; rows of the export left out of the file are
 * not touched. docs/decisions/0047-spreadsheet-import.md.
 */
export type RowStatus = "new" | "changed" | "unchanged" | "error";

export interface PlannedChange {
  operation: string;
  input: Record<string, unknown>;
}

export interface RowPreview {
  rowNumber: number;
  name: string;
  status: RowStatus;
  arrangement: { id: number; slug: string | null; name: string } | null;
  diff: DiffEntry[];
  errors: string[];
  notes: string[];
  changes: PlannedChange[];
}

export interface UnknownName {
  name: string;
  rows: number[];
  suggestions: string[];
}

export interface ImportPlan {
  mode: "apply" | "propose";
  rows: RowPreview[];
  counts: Record<RowStatus, number>;
  unknownMunicipalities: UnknownName[];
  fileSha256: string;
  planHash: string;
}

interface Indexes {
  lookups: Lookups;
  municipalities: Map<string, number[]>;
  legalForms: Map<string, number>;
  sectors: Map<string, number>;
  taskAreas: { id: number; name: string }[];
  unknown: Map<string, UnknownName>;
  today: string;
}

const lower = (s: string) => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("nb");

function indexes(lookups: Lookups): Indexes {
  const municipalities = new Map<string, number[]>();
  for (const [id, name] of lookups.municipalities) municipalities.set(lower(name), [...(municipalities.get(lower(name)) ?? []), id]);
  const byName = (map: Map<number, string>) => new Map([...map].map(([id, name]) => [lower(name), id]));
  const taskAreas = [...lookups.taskAreas].map(([id, name]) => ({ id, name })).sort((a, b) => b.name.length - a.name.length);
  return { lookups, municipalities, legalForms: byName(lookups.legalForms), sectors: byName(lookups.sectors), taskAreas, unknown: new Map(), today: todayInNorway() };
}

/** A municipality by its name; among namesakes the one already taking part wins. An error text otherwise. */
function municipalityNamed(ix: Indexes, name: string, rowNumber: number, prefer: Set<number>): number | string {
  const ids = ix.municipalities.get(lower(name)) ?? [];
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) {
    const preferred = ids.filter((id) => prefer.has(id));
    if (preferred.length === 1) return preferred[0]!;
    return `«${name}» er navnet på flere kommuner, og registeret kan ikke avgjøre hvilken som menes. Registrer denne endringen i skjemaet på ordningen.`;
  }
  const key = normalizeName(name);
  const unknown = ix.unknown.get(key) ?? { name, rows: [], suggestions: suggestNames(name, ix.lookups.municipalities.values()) };
  if (!unknown.rows.includes(rowNumber)) unknown.rows.push(rowNumber);
  ix.unknown.set(key, unknown);
  return `Ukjent kommune «${name}».${suggestionText(unknown.suggestions)}`;
}

function municipalitiesNamed(ix: Indexes, text: string, rowNumber: number, prefer: Set<number>, errors: string[]): number[] | null {
  const ids: number[] = [];
  let ok = true;
  for (const name of splitNames(text)) {
    const found = municipalityNamed(ix, name, rowNumber, prefer);
    if (typeof found === "string") {
      errors.push(found);
      ok = false;
    } else if (!ids.includes(found)) ids.push(found);
  }
  return ok ? ids : null;
}

function legalFormNamed(ix: Indexes, text: string, errors: string[]): number | null {
  const label = text.endsWith(INFERRED_SUFFIX) ? text.slice(0, -INFERRED_SUFFIX.length) : text;
  const id = ix.legalForms.get(lower(label));
  if (id === undefined) errors.push(`Ukjent juridisk tilknytningsform «${label}».${suggestionText(suggestNames(label, ix.lookups.legalForms.values(), 2))}`);
  return id ?? null;
}

const PERIOD_LABEL = /^(\d{4}\s*[–-]\s*\d{4}|før \d{4}|\d{4} eller senere|over lenger tid.*|ukjent)$/i;

/** «Etableringsår»: a year, or (unchanged) the period label the export writes when there is no year. */
function establishedYearOf(text: string, errors: string[], notes: string[]): number | null | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (!PERIOD_LABEL.test(text)) notes.push(`Etableringsår «${text}» er ikke et årstall og er ikke lest inn.`);
  void errors;
  return undefined;
}

/** The labelled parts of «Annen informasjon» a new row may give: sector, short name, task areas. */
function otherInfo(ix: Indexes, text: string, errors: string[]): { sectorId: number | null; shortName: string | null; taskAreaIds: number[] } {
  const sectorName = /(?:^|\.\s*)Sektor:\s*([^.]+)/.exec(text)?.[1]?.trim();
  let sectorId: number | null = null;
  if (!sectorName) {
    errors.push(`En ny ordning må ha en sektor. Skriv for eksempel «Sektor: ${[...ix.lookups.sectors.values()][0] ?? "Helse"}» i «Annen informasjon».`);
  } else {
    sectorId = ix.sectors.get(lower(sectorName)) ?? null;
    if (sectorId === null) errors.push(`Ukjent sektor «${sectorName}».${suggestionText(suggestNames(sectorName, ix.lookups.sectors.values(), 2))}`);
  }
  const shortName = /(?:^|\.\s*)Forkortelse:\s*([^.]+)/.exec(text)?.[1]?.trim() ?? null;
  const taskAreaIds: number[] = [];
  const areas = /(?:^|\.\s*)Oppgaveområde:\s*(.*)$/.exec(text)?.[1] ?? "";
  let rest = areas;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    const hit = ix.taskAreas.find((t) => lower(rest).startsWith(lower(t.name)));
    if (!hit) break;
    taskAreaIds.push(hit.id);
    rest = rest.slice(hit.name.length);
  }
  return { sectorId, shortName, taskAreaIds };
}

function changesForExisting(ix: Indexes, row: SheetRow, current: ArrangementSnapshot, errors: string[], notes: string[]): PlannedChange[] {
  const { cells, rowNumber } = row;
  const arrangementId = current.id!;
  const today = ix.today;
  const changes: PlannedChange[] = [];
  const update: Record<string, unknown> = {};
  if (cells.name && !sameText(cells.name, current.name)) update.name = cells.name;
  if (cells.description && !sameText(cells.description, current.description)) update.description = cells.description;
  if (cells.established) {
    const year = establishedYearOf(cells.established, errors, notes);
    if (year !== undefined && year !== current.establishedYear) update.establishedYear = year;
  }
  if (cells.legalForm) {
    const id = legalFormNamed(ix, cells.legalForm, errors);
    if (id !== null && id !== current.legalFormId) update.legalFormId = id;
  }
  if (Object.keys(update).length) changes.push({ operation: "updateArrangement", input: { arrangementId, ...update } });

  const active = activeParticipants(current, today);
  const taking = new Set(active.map((p) => p.municipalityId));
  const listed = cells.participants ? municipalitiesNamed(ix, cells.participants, rowNumber, taking, errors) : null;
  for (const municipalityId of listed ?? []) {
    if (!taking.has(municipalityId)) changes.push({ operation: "addParticipant", input: { arrangementId, municipalityId, role: "MEMBER" } });
  }
  if (cells.host) {
    const host = municipalityNamed(ix, cells.host, rowNumber, new Set([...taking, ...(listed ?? [])]));
    if (typeof host === "string") errors.push(host);
    else if (host !== current.hostMunicipalityId) changes.push({ operation: "setHost", input: { arrangementId, hostMunicipalityId: host } });
  }
  if (listed) {
    for (const p of current.participants) {
      if (p.id !== undefined && isParticipationActiveOn(p, today) && !listed.includes(p.municipalityId)) {
        changes.push({ operation: "removeParticipant", input: { arrangementId, participationId: p.id, leftOn: today } });
      }
    }
  }
  if (cells.staffing) {
    const staffing = parseStaffing(cells.staffing);
    if (!staffing) errors.push(`Årsverk «${cells.staffing}» er ikke et tall. Skriv for eksempel 4,5 eller 4,5 (2025).`);
    else {
      const year = staffing.year ?? yearOf(today);
      // A year may have figures from more than one source; the file shows one of them.
      const same = current.staffing.some((s) => s.year === year && Math.abs(s.fte - staffing.fte) < 0.005);
      if (!same) changes.push({ operation: "recordStaffing", input: { arrangementId, year, fte: staffing.fte, source: STAFFING_SOURCE } });
    }
  }
  if (cells.endDate) {
    const endDate = parseDateCell(cells.endDate);
    if (!endDate) errors.push(`Sluttdato «${cells.endDate}» er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 31.12.2025.`);
    else if (endDate !== current.endDate) changes.push({ operation: "endArrangement", input: { arrangementId, endDate, endReason: cells.endReason ?? DEFAULT_END_REASON } });
  } else if (cells.endReason && !current.endDate) {
    notes.push("«Grunn til avslutning» er fylt ut uten sluttdato og er ikke lest inn.");
  }
  return changes;
}

function changesForNew(ix: Indexes, row: SheetRow, errors: string[], notes: string[]): PlannedChange[] {
  const { cells, rowNumber } = row;
  if (cells.endDate) errors.push("En ny ordning kan ikke avsluttes i samme fil. Fjern sluttdatoen, eller registrer ordningen først.");
  if (cells.staffing) notes.push("Årsverk for en ny ordning leses ikke inn. Registrer dem på ordningen når den er opprettet.");
  const participantIds = cells.participants ? municipalitiesNamed(ix, cells.participants, rowNumber, new Set(), errors) : [];
  const host = cells.host ? municipalityNamed(ix, cells.host, rowNumber, new Set(participantIds ?? [])) : null;
  if (typeof host === "string") errors.push(host);
  const other = otherInfo(ix, cells.other ?? "", errors);
  const input: Record<string, unknown> = {
    name: cells.name ?? "",
    description: cells.description ?? null,
    shortName: other.shortName,
    sectorId: other.sectorId,
    legalFormId: cells.legalForm ? legalFormNamed(ix, cells.legalForm, errors) : null,
    establishedYear: cells.established ? (establishedYearOf(cells.established, errors, notes) ?? null) : null,
    hostMunicipalityId: typeof host === "number" ? host : null,
    participantIds: participantIds ?? [],
    taskAreaIds: other.taskAreaIds,
    orgNr: null,
  };
  return [{ operation: "createArrangement", input }];
}

/**
 * Runs a row's changes in order through the operations: validate (schema), bind (to the known
 * snapshot), authorize, then preview only (`commit` false) or propose/apply with audit (`commit`
 * true, inside the caller's transaction). Each change sees the row's previous changes.
 */
export async function runRow(
  tx: Tx,
  args: { actor: Actor; current: ArrangementSnapshot | null; changes: PlannedChange[]; lookups: Lookups; commit: boolean },
): Promise<{ errors: string[]; after: ArrangementSnapshot | null; results: Success[] }> {
  const { actor, lookups, commit } = args;
  let known = args.current;
  const results: Success[] = [];
  for (const planned of args.changes) {
    const op = operationNamed(planned.operation);
    if (!op) throw new Error(`Unknown operation ${planned.operation}`);
    const parsed = op.schema.safeParse(known ? { ...planned.input, baseVersion: known.version } : planned.input);
    if (!parsed.success) return { errors: Object.values(fieldErrors(parsed.error)).flat(), after: known, results };
    const change = await parsed.data(tx, known);
    if (!change) return { errors: [M.notFound], after: known, results };
    const decision = decide(change, actor);
    if (!decision.allowed) return { errors: [decision.reason], after: known, results };
    if (commit) {
      const run = await runBoundChange(tx, { actor, change, decision, lookups });
      if (run.audit) await recordAudit(tx, { actor, ...run.audit });
      results.push(run.result);
      known = decision.mode === "apply" ? await loadSnapshot(tx, run.result.arrangementId!) : run.after;
    } else {
      const preview = await change.preview({ tx, lookups, actor });
      if ("errors" in preview) return { errors: [...new Set(Object.values(preview.errors).flat())], after: known, results };
      known = preview.after;
    }
  }
  return { errors: [], after: known, results };
}

/** Compares every row with the registry and previews its changes. Reads only. */
export async function planImport(tx: Tx, actor: Actor, file: { sha256: string; rows: SheetRow[] }, mode: ImportPlan["mode"]): Promise<ImportPlan> {
  const lookups = await loadLookups(tx);
  const ix = indexes(lookups);
  const idOf = (row: SheetRow) => (row.cells.id && /^\d{1,9}$/.test(row.cells.id) ? Number(row.cells.id) : null);
  const names = file.rows.filter((r) => !r.cells.id && r.cells.name).map((r) => r.cells.name!);
  const byName = new Map<string, number[]>();
  for (const a of names.length ? await tx.arrangement.findMany({ where: { name: { in: [...new Set(names)] } }, select: { id: true, name: true } }) : []) {
    byName.set(a.name, [...(byName.get(a.name) ?? []), a.id]);
  }
  const wanted = [...file.rows.map(idOf), ...[...byName.values()].flat()].filter((id): id is number => id !== null);
  const snapshots = await loadSnapshots(tx, wanted);
  const seen = new Map<number, number>();
  const rows: RowPreview[] = [];
  for (const row of file.rows) {
    const errors: string[] = [];
    const notes: string[] = [];
    const name = row.cells.name ?? "";
    let current: ArrangementSnapshot | null = null;
    if (row.cells.id) {
      const id = idOf(row);
      current = id === null ? null : (snapshots.get(id) ?? null);
      if (!current) errors.push(`Fant ingen ordning med ID ${row.cells.id}. La ID stå slik den var i filen fra registeret, eller tøm ID-cellen for en ny ordning.`);
    } else if (name) {
      const ids = byName.get(name) ?? [];
      if (ids.length > 1) errors.push(`Flere ordninger heter «${name}». Skriv ID-en til den som menes i ID-kolonnen.`);
      else if (ids.length === 1) current = snapshots.get(ids[0]!) ?? null;
    }
    if (!name) errors.push("«Navn på ordning» mangler.");
    if (current) {
      const earlier = seen.get(current.id!);
      if (earlier !== undefined) errors.push(`Ordningen står også i rad ${earlier}. Hver ordning kan bare stå én gang i filen.`);
      else seen.set(current.id!, row.rowNumber);
    }
    const isNew = !current && !row.cells.id;
    const changes = errors.length ? [] : current ? changesForExisting(ix, row, current, errors, notes) : changesForNew(ix, row, errors, notes);
    let diff: DiffEntry[] = [];
    if (!errors.length && changes.length) {
      const run = await runRow(tx, { actor, current, changes, lookups, commit: false });
      errors.push(...run.errors);
      if (!run.errors.length && run.after) diff = diffSnapshots(current, run.after, lookups);
    }
    const status: RowStatus = errors.length ? "error" : changes.length === 0 ? "unchanged" : isNew ? "new" : "changed";
    rows.push({ rowNumber: row.rowNumber, name, status, arrangement: current ? { id: current.id!, slug: current.slug, name: current.name } : null, diff, errors, notes, changes });
  }
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  const versions = rows.map((r) => (r.arrangement ? snapshots.get(r.arrangement.id)?.version : null));
  const planHash = createHash("sha256")
    .update(JSON.stringify([file.sha256, mode, rows.map((r, i) => [r.rowNumber, r.status, versions[i], r.changes])]))
    .digest("hex");
  return { mode, rows, counts, unknownMunicipalities: [...ix.unknown.values()], fileSha256: file.sha256, planHash };
}
