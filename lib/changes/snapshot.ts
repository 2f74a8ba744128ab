import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isParticipationCurrentOrUpcoming } from "@/lib/domain/activity";
import { municipalityLabels } from "@/lib/domain/municipalities";
import { participationRoleInText, type ParticipationRoleName } from "@/lib/domain/roles";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { formatDecimal } from "@/lib/format";
import { municipalityValidity } from "./municipality-rules.ts";
import { MESSAGES, MutationFailure, fail } from "./result.ts";

export type { Tx } from "@/lib/db";

export type ParticipationRole = ParticipationRoleName;

export interface ParticipantState {
  /** Absent for a participation that does not exist yet. */
  id?: number;
  municipalityId: number;
  role: ParticipationRole;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface StaffingState {
  id?: number;
  year: number;
  fte: number;
  source: string | null;
}

/**
 * Everything an editor can change about one arrangement, as plain JSON. Audit events store it as
 * before/after, proposals are previewed as one, and restoring a version writes one back.
 */
export interface ArrangementSnapshot {
  id: number | null;
  slug: string | null;
  version: number;
  name: string;
  shortName: string | null;
  description: string | null;
  sectorId: number;
  legalFormId: number | null;
  hostMunicipalityId: number | null;
  establishedYear: number | null;
  establishedUnspecified: boolean;
  orgNr: string | null;
  notes: string | null;
  endDate: string | null;
  endReason: string | null;
  taskAreaIds: number[];
  participants: ParticipantState[];
  staffing: StaffingState[];
}

export const SCALAR_FIELDS = [
  "name",
  "shortName",
  "description",
  "sectorId",
  "legalFormId",
  "hostMunicipalityId",
  "establishedYear",
  "establishedUnspecified",
  "orgNr",
  "notes",
  "endDate",
  "endReason",
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

const isScalarField = (field: string): field is ScalarField => SCALAR_FIELDS.some((f) => f === field);

/** Sets one field; generic so the value's type follows the field. */
export function setField<K extends keyof ArrangementSnapshot>(snapshot: ArrangementSnapshot, field: K, value: ArrangementSnapshot[K]): void {
  snapshot[field] = value;
}

const text = z.string().nullable().default(null);
const number = z.number().nullable().default(null);
/** A snapshot as stored in JSON (audit events): read back checked, with the defaults older events lack. */
const storedSnapshot: z.ZodType<ArrangementSnapshot, unknown> = z.object({
  id: number,
  slug: text,
  version: z.number(),
  name: z.string(),
  shortName: text,
  description: text,
  sectorId: z.number(),
  legalFormId: number,
  hostMunicipalityId: number,
  establishedYear: number,
  establishedUnspecified: z.boolean().default(false),
  orgNr: text,
  notes: text,
  endDate: text,
  endReason: text,
  taskAreaIds: z.array(z.number()).default([]),
  participants: z.array(z.object({ id: z.number().optional(), municipalityId: z.number(), role: z.enum(["OWNER", "MEMBER", "BUYER"]), joinedOn: text, leftOn: text })).default([]),
  staffing: z.array(z.object({ id: z.number().optional(), year: z.number(), fte: z.number(), source: text })).default([]),
});

/** A snapshot read back from a JSON column; null when there is none or it is not one. */
export function readSnapshot(json: unknown): ArrangementSnapshot | null {
  const parsed = storedSnapshot.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const asDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

const SNAPSHOT_INCLUDE = {
  taskAreas: { orderBy: { taskAreaId: "asc" } },
  participations: { orderBy: { id: "asc" } },
  staffing: { orderBy: [{ year: "asc" }, { id: "asc" }] },
} satisfies Prisma.ArrangementInclude;

export async function loadSnapshot(tx: Tx, arrangementId: number): Promise<ArrangementSnapshot | null> {
  return (await loadSnapshots(tx, [arrangementId])).get(arrangementId) ?? null;
}

/** Snapshots of many arrangements in one read (the spreadsheet import); missing ids are absent. */
export async function loadSnapshots(tx: Tx, arrangementIds: number[]): Promise<Map<number, ArrangementSnapshot>> {
  if (arrangementIds.length === 0) return new Map();
  const rows = await tx.arrangement.findMany({ where: { id: { in: [...new Set(arrangementIds)] } }, include: SNAPSHOT_INCLUDE });
  return new Map(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        slug: a.slug,
        version: a.version,
        name: a.name,
        shortName: a.shortName,
        description: a.description,
        sectorId: a.sectorId,
        legalFormId: a.legalFormId,
        hostMunicipalityId: a.hostMunicipalityId,
        establishedYear: a.establishedYear,
        establishedUnspecified: a.establishedUnspecified,
        orgNr: a.orgNr,
        notes: a.notes,
        endDate: isoDateOf(a.endDate),
        endReason: a.endReason,
        taskAreaIds: a.taskAreas.map((t) => t.taskAreaId),
        participants: a.participations.map((p) => ({ id: p.id, municipalityId: p.municipalityId, role: p.role, joinedOn: isoDateOf(p.joinedOn), leftOn: isoDateOf(p.leftOn) })),
        staffing: a.staffing.map((s) => ({ id: s.id, year: s.year, fte: Number(s.fte), source: s.source })),
      },
    ]),
  );
}

/**
 * Participants today or from a later date (not left before today in Norway): who may edit, who may
 * host, who cannot be added twice (lib/domain/activity.ts).
 */
export function activeParticipants(snapshot: Pick<ArrangementSnapshot, "participants">, today = todayInNorway()): ParticipantState[] {
  return snapshot.participants.filter((p) => isParticipationCurrentOrUpcoming(p, today));
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/å/g, "a")
      .replace(/é/g, "e")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "ordning"
  );
}

function scalarData(s: ArrangementSnapshot) {
  return {
    name: s.name,
    shortName: s.shortName,
    description: s.description,
    sectorId: s.sectorId,
    legalFormId: s.legalFormId,
    hostMunicipalityId: s.hostMunicipalityId,
    establishedYear: s.establishedYear,
    establishedUnspecified: s.establishedUnspecified,
    orgNr: s.orgNr,
    notes: s.notes,
    endDate: asDate(s.endDate),
    endReason: s.endReason,
  };
}

/**
 * Writes `after` over `current` (or creates it when `current` is null). The arrangement row is
 * updated first with `version = version + 1 WHERE version = current.version`: if someone else wrote
 * in between, nothing matches and the whole transaction is rolled back with a conflict.
 * Nothing is deleted except task-area links (a field value); participants leave with a date.
 * Returns the arrangement id.
 */
export async function writeSnapshot(tx: Tx, current: ArrangementSnapshot | null, after: ArrangementSnapshot): Promise<number> {
  let arrangementId: number;
  if (!current) {
    const base = slugify(after.name);
    let slug = base;
    for (let n = 2; await tx.arrangement.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
    const created = await tx.arrangement.create({ data: { slug, ...scalarData(after), version: 1 } });
    arrangementId = created.id;
  } else {
    arrangementId = current.id!;
    const updated = await tx.arrangement.updateMany({
      where: { id: arrangementId, version: current.version },
      data: { ...scalarData(after), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new MutationFailure(fail("conflict", MESSAGES.conflict));
  }

  const before = new Set(current?.taskAreaIds ?? []);
  const wanted = new Set(after.taskAreaIds);
  const removed = [...before].filter((t) => !wanted.has(t));
  const added = [...wanted].filter((t) => !before.has(t));
  if (removed.length) await tx.arrangementTaskArea.deleteMany({ where: { arrangementId, taskAreaId: { in: removed } } });
  if (added.length) await tx.arrangementTaskArea.createMany({ data: added.map((taskAreaId) => ({ arrangementId, taskAreaId })) });

  const currentParticipants = new Map((current?.participants ?? []).map((p) => [p.id, p]));
  for (const p of after.participants) {
    const data = { municipalityId: p.municipalityId, role: p.role, joinedOn: asDate(p.joinedOn), leftOn: asDate(p.leftOn) };
    if (p.id === undefined) {
      await tx.participation.create({ data: { ...data, arrangementId, source: "Registrert i Samarbeidsregisteret" } });
    } else {
      const old = currentParticipants.get(p.id);
      if (!old) throw new Error(`Participation ${p.id} does not belong to arrangement ${arrangementId}`);
      if (old.role !== p.role || old.joinedOn !== p.joinedOn || old.leftOn !== p.leftOn || old.municipalityId !== p.municipalityId) {
        await tx.participation.update({ where: { id: p.id }, data });
      }
    }
  }

  const currentStaffing = new Map((current?.staffing ?? []).map((s) => [s.id, s]));
  for (const s of after.staffing) {
    if (s.id === undefined) {
      await tx.staffingRecord.create({ data: { arrangementId, year: s.year, fte: s.fte, source: s.source } });
    } else {
      const old = currentStaffing.get(s.id);
      if (!old) throw new Error(`Staffing record ${s.id} does not belong to arrangement ${arrangementId}`);
      if (old.fte !== s.fte || old.source !== s.source || old.year !== s.year) {
        await tx.staffingRecord.update({ where: { id: s.id }, data: { year: s.year, fte: s.fte, source: s.source } });
      }
    }
  }
  return arrangementId;
}

// ---------------------------------------------------------------------------------------------
// Names for ids, and a readable field-by-field difference.

export interface Lookups {
  municipalities: Map<number, string>;
  sectors: Map<number, string>;
  legalForms: Map<number, string>;
  taskAreas: Map<number, string>;
}

export async function loadLookups(tx: Tx): Promise<Lookups> {
  // Sequential: inside a transaction there is one connection, and pg does not pipeline queries.
  // Same-named municipalities carry today's county («Våler (Østfold)») in summaries and diffs.
  const municipalities = municipalityLabels(await municipalityValidity(tx), todayInNorway());
  const sectors = await tx.sector.findMany({ select: { id: true, name: true } });
  const legalForms = await tx.legalForm.findMany({ select: { id: true, name: true } });
  const taskAreas = await tx.taskArea.findMany({ select: { id: true, name: true } });
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { municipalities, sectors: map(sectors), legalForms: map(legalForms), taskAreas: map(taskAreas) };
}

export interface DiffEntry {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const storedDiff: z.ZodType<DiffEntry[], unknown> = z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }));

/** A change request's stored diff read back checked; empty when it is not one. */
export function readDiff(json: unknown): DiffEntry[] {
  const parsed = storedDiff.safeParse(json);
  return parsed.success ? parsed.data : [];
}

export const FIELD_LABELS: Record<ScalarField, string> = {
  name: "Navn",
  shortName: "Kortnavn",
  description: "Beskrivelse",
  sectorId: "Sektor",
  legalFormId: "Juridisk tilknytningsform",
  hostMunicipalityId: "Vertskommune",
  establishedYear: "Etableringsår",
  establishedUnspecified: "Etablert over lenger tid (uspesifisert)",
  orgNr: "Organisasjonsnummer",
  notes: "Merknader",
  endDate: "Sluttdato",
  endReason: "Grunn til avslutning",
};

function describeScalar(field: ScalarField, value: unknown, lookups: Lookups): string | null {
  if (value === null || value === undefined || value === "") return null;
  switch (field) {
    case "sectorId":
      return (typeof value === "number" && lookups.sectors.get(value)) || `#${value}`;
    case "legalFormId":
      return (typeof value === "number" && lookups.legalForms.get(value)) || `#${value}`;
    case "hostMunicipalityId":
      return (typeof value === "number" && lookups.municipalities.get(value)) || `#${value}`;
    case "establishedUnspecified":
      return value ? "Ja" : "Nei";
    default:
      return String(value);
  }
}

function describeParticipant(p: ParticipantState): string {
  const parts = [participationRoleInText(p.role)];
  if (p.joinedOn) parts.push(`fra ${p.joinedOn}`);
  if (p.leftOn) parts.push(`gikk ut ${p.leftOn}`);
  return parts.join(", ");
}

export function diffSnapshots(before: ArrangementSnapshot | null, after: ArrangementSnapshot, lookups: Lookups): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const field of SCALAR_FIELDS) {
    const b = before ? describeScalar(field, before[field], lookups) : null;
    const a = describeScalar(field, after[field], lookups);
    if (b !== a) entries.push({ field, label: FIELD_LABELS[field], before: b, after: a });
  }
  const taskNames = (ids: number[]) =>
    ids.length
      ? ids
          .map((t) => lookups.taskAreas.get(t) ?? `#${t}`)
          .sort((x, y) => x.localeCompare(y, "nb"))
          .join(", ")
      : null;
  const tb = taskNames(before?.taskAreaIds ?? []);
  const ta = taskNames(after.taskAreaIds);
  if (tb !== ta) entries.push({ field: "taskAreaIds", label: "Oppgaveområder", before: tb, after: ta });

  const oldParticipants = new Map((before?.participants ?? []).map((p) => [p.id, p]));
  for (const p of after.participants) {
    const name = lookups.municipalities.get(p.municipalityId) ?? `#${p.municipalityId}`;
    const old = p.id === undefined ? undefined : oldParticipants.get(p.id);
    const b = old ? describeParticipant(old) : null;
    const a = describeParticipant(p);
    if (b !== a || (old && old.municipalityId !== p.municipalityId)) entries.push({ field: `participant:${p.id ?? `ny-${p.municipalityId}`}`, label: `Deltakerkommune ${name}`, before: b, after: a });
  }
  const oldStaffing = new Map((before?.staffing ?? []).map((s) => [s.id, s]));
  for (const s of after.staffing) {
    const old = s.id === undefined ? undefined : oldStaffing.get(s.id);
    const show = (x?: StaffingState) => (x ? `${formatDecimal(x.fte, 1)} årsverk${x.source ? ` (kilde: ${x.source})` : ""}` : null);
    if (show(old) !== show(s)) entries.push({ field: `staffing:${s.year}`, label: `Årsverk ${s.year}`, before: show(old), after: show(s) });
  }
  return entries;
}

/** The current value of one diff entry's field in `snapshot` (for "current vs proposed" views). */
export function describeCurrent(snapshot: ArrangementSnapshot | null, field: string, lookups: Lookups): string | null {
  if (!snapshot) return null;
  if (isScalarField(field)) return describeScalar(field, snapshot[field], lookups);
  if (field === "taskAreaIds") {
    return snapshot.taskAreaIds.length
      ? snapshot.taskAreaIds
          .map((t) => lookups.taskAreas.get(t) ?? `#${t}`)
          .sort((x, y) => x.localeCompare(y, "nb"))
          .join(", ")
      : null;
  }
  const participant = /^participant:(\d+)$/.exec(field);
  if (participant) {
    const p = snapshot.participants.find((x) => x.id === Number(participant[1]));
    return p ? describeParticipant(p) : null;
  }
  const newcomer = /^participant:ny-(\d+)$/.exec(field);
  if (newcomer) {
    const p = activeParticipants(snapshot).find((x) => x.municipalityId === Number(newcomer[1]));
    return p ? describeParticipant(p) : null;
  }
  const staffing = /^staffing:(\d+)$/.exec(field);
  if (staffing) {
    const s = snapshot.staffing.find((x) => x.year === Number(staffing[1]));
    return s ? `${formatDecimal(s.fte, 1)} årsverk${s.source ? ` (kilde: ${s.source})` : ""}` : null;
  }
  return null;
}
