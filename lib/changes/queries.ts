import "server-only";
import { decodePathSegment } from "@/lib/http/path-segment";
import type { Actor } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";
import { currentOrUpcomingParticipationWhere } from "@/lib/domain/activity";
import type { MunicipalityValidity } from "@/lib/domain/municipalities";
import { todayInNorway } from "@/lib/domain/today";
import { conflictingKeys, describeValue, readFields } from "./fields.ts";
import { OPEN_STATUSES, REVIEWABLE_STATUSES } from "./requests.ts";
import { municipalityValidity } from "./municipality-rules.ts";
import { type ArrangementSnapshot, describeCurrent, type DiffEntry, diffSnapshots, loadLookups, loadSnapshot, readDiff, readSnapshot } from "./snapshot.ts";

/** Read queries for the editing, review and administration pages. */

export async function resolveArrangementId(idOrSlug: string): Promise<number | null> {
  const decoded = decodePathSegment(idOrSlug);
  const row = /^\d{1,9}$/.test(decoded)
    ? await prisma.arrangement.findUnique({ where: { id: Number(decoded) }, select: { id: true } })
    : await prisma.arrangement.findUnique({ where: { slug: decoded }, select: { id: true } });
  return row?.id ?? null;
}

export interface Option {
  id: number;
  name: string;
}

export interface FormOptions {
  municipalities: (Option & { inSurveyScope: boolean })[];
  /** Every municipality with its code and county periods: the participant picker offers those that exist on the participation's days. */
  municipalityPeriods: MunicipalityValidity[];
  sectors: Option[];
  legalForms: Option[];
  taskAreas: Option[];
}

export async function formOptions(): Promise<FormOptions> {
  const [municipalities, municipalityPeriods, sectors, legalForms, taskAreas] = await Promise.all([
    prisma.municipality.findMany({ select: { id: true, name: true, inSurveyScope: true } }),
    municipalityValidity(prisma),
    prisma.sector.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: "asc" } }),
    prisma.legalForm.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    prisma.taskArea.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  municipalities.sort((a, b) => a.name.localeCompare(b.name, "nb"));
  return { municipalities, municipalityPeriods, sectors, legalForms, taskAreas };
}

export interface EditableArrangement {
  snapshot: ArrangementSnapshot;
  participants: { id: number; municipalityId: number; name: string; role: string; joinedOn: string | null; leftOn: string | null }[];
  pendingForArrangement: number;
}

export async function editableArrangement(arrangementId: number): Promise<EditableArrangement | null> {
  const snapshot = await loadSnapshot(prisma, arrangementId);
  if (!snapshot) return null;
  const names = new Map(
    (await prisma.municipality.findMany({ where: { id: { in: snapshot.participants.map((p) => p.municipalityId) } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
  );
  const participants = snapshot.participants
    .map((p) => ({ id: p.id!, municipalityId: p.municipalityId, name: names.get(p.municipalityId) ?? "", role: p.role, joinedOn: p.joinedOn, leftOn: p.leftOn }))
    .sort((a, b) => Number(Boolean(a.leftOn)) - Number(Boolean(b.leftOn)) || a.name.localeCompare(b.name, "nb"));
  const pendingForArrangement = await prisma.changeRequest.count({ where: { arrangementId, status: { in: REVIEWABLE_STATUSES } } });
  return { snapshot, participants, pendingForArrangement };
}

/** Arrangements a kommune editor may propose changes to (their municipalities take part today). */
export async function arrangementsForMunicipalities(municipalityIds: number[]) {
  return prisma.arrangement.findMany({
    where: { participations: { some: { municipalityId: { in: municipalityIds }, ...currentOrUpcomingParticipationWhere(todayInNorway()) } } },
    select: { id: true, slug: true, name: true, endDate: true },
    orderBy: { name: "asc" },
  });
}

const requestInclude = {
  proposer: { select: { id: true, name: true, email: true } },
  decidedBy: { select: { name: true } },
  municipality: { select: { id: true, name: true } },
  arrangement: { select: { id: true, slug: true, name: true, version: true } },
} as const;

export type ChangeRequestStatusName = "PENDING" | "CONFLICT" | "RETURNED" | "APPROVED" | "REJECTED" | "WITHDRAWN";
export const STATUS_LABELS: Record<ChangeRequestStatusName, string> = {
  PENDING: "Venter",
  CONFLICT: "Konflikt",
  RETURNED: "Sendt tilbake",
  APPROVED: "Godkjent",
  REJECTED: "Avvist",
  WITHDRAWN: "Trukket tilbake",
};

/**
 * The one status everybody sees (proposer, municipality and adviser): the stored one, except that a
 * proposal made before field-level conflicts (no stored fields) is in conflict when the arrangement
 * moved past its version (docs/decisions/0041).
 */
export function shownStatus(r: { status: ChangeRequestStatusName; fields: unknown; baseVersion: number | null; arrangement: { version: number } | null }): ChangeRequestStatusName {
  if (r.status === "PENDING" && r.fields === null && r.arrangement && r.arrangement.version !== r.baseVersion) return "CONFLICT";
  return r.status;
}

export async function reviewQueue() {
  const rows = await prisma.changeRequest.findMany({ where: { status: { in: REVIEWABLE_STATUSES } }, include: requestInclude, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ ...r, shown: shownStatus(r) }));
}

/** Requests the adviser has sent back and that wait for the proposer. */
export async function returnedRequests() {
  const rows = await prisma.changeRequest.findMany({ where: { status: "RETURNED" }, include: requestInclude, orderBy: { updatedAt: "desc" } });
  return rows.map((r) => ({ ...r, shown: shownStatus(r) }));
}

export async function recentlyDecided(limit = 20) {
  const rows = await prisma.changeRequest.findMany({ where: { status: { notIn: OPEN_STATUSES } }, include: requestInclude, orderBy: { updatedAt: "desc" }, take: limit });
  return rows.map((r) => ({ ...r, shown: shownStatus(r) }));
}

/** Proposals of the actor and of the actor's municipalities, newest first. */
export async function proposalsFor(actor: Actor) {
  const rows = await prisma.changeRequest.findMany({
    where: { OR: [{ proposerId: actor.id }, ...(actor.municipalityIds.length ? [{ municipalityId: { in: actor.municipalityIds } }] : [])] },
    include: requestInclude,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ ...r, shown: shownStatus(r) }));
}

/** One touched field or row: what the proposal was made from, what is there now, what it proposes. */
export interface FieldComparison {
  key: string;
  label: string;
  base: string | null;
  now: string | null;
  proposed: string | null;
  /** Changed since the proposal was made (and not already the proposed value): the adviser chooses. */
  conflict: boolean;
}

export interface ChangeRequestView {
  request: NonNullable<Awaited<ReturnType<typeof loadRequest>>>;
  status: ChangeRequestStatusName;
  fields: FieldComparison[];
  currentVersion: number | null;
  thread: { id: number; kind: string; body: string; createdAt: Date; author: { name: string; role: string } }[];
}

async function loadRequest(id: number) {
  return prisma.changeRequest.findUnique({ where: { id }, include: requestInclude });
}

export async function changeRequestView(id: number): Promise<ChangeRequestView | null> {
  const request = await loadRequest(id);
  if (!request) return null;
  const current = request.arrangementId ? await loadSnapshot(prisma, request.arrangementId) : null;
  const lookups = await loadLookups(prisma);
  const open = OPEN_STATUSES.some((s) => s === request.status);
  const stored = readFields(request.fields);
  const diff = readDiff(request.diff);
  const labels = new Map(diff.map((d) => [d.field, d.label]));
  let fields: FieldComparison[];
  if (stored && current) {
    const conflicts = new Set(open ? conflictingKeys(stored, current) : []);
    fields = stored.map((f) => ({
      key: f.key,
      label: labels.get(f.key) ?? f.key,
      base: describeValue(current, f.key, f.base, lookups),
      now: describeCurrent(current, f.key, lookups),
      proposed: describeValue(current, f.key, f.proposed, lookups),
      conflict: conflicts.has(f.key),
    }));
  } else {
    fields = diff.map((d) => {
      const now = current ? describeCurrent(current, d.field, lookups) : null;
      return { key: d.field, label: d.label, base: d.before, now, proposed: d.after, conflict: Boolean(open && current && now !== d.before && now !== d.after) };
    });
  }
  const thread = await prisma.changeRequestComment.findMany({
    where: { changeRequestId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
  });
  return { request, status: shownStatus(request), fields, currentVersion: current?.version ?? null, thread };
}

export interface HistoryEntry {
  id: number;
  at: Date;
  summary: string;
  action: string;
  version: number | null;
  changes: DiffEntry[];
  /** Only for advisers: who did it, in which role, through which proposal. */
  who?: { name: string; role: string | null; proposer: string | null; changeRequestId: number | null };
}

/** Applied changes of one arrangement, newest first. `withNames` only for advisers. */
export async function arrangementHistory(arrangementId: number, withNames: boolean): Promise<HistoryEntry[]> {
  const events = await prisma.auditEvent.findMany({
    where: { arrangementId },
    orderBy: { id: "desc" },
    include: { user: { select: { name: true } }, changeRequest: { select: { id: true, proposer: { select: { name: true } } } } },
  });
  const lookups = await loadLookups(prisma);
  return events.map((e) => {
    const after = readSnapshot(e.after);
    const before = readSnapshot(e.before);
    return {
      id: e.id,
      at: e.at,
      summary: e.summary,
      action: e.action,
      version: after?.version ?? null,
      changes: after ? diffSnapshots(before, after, lookups) : [],
      ...(withNames ? { who: { name: e.user?.name ?? "System", role: e.role, proposer: e.changeRequest?.proposer.name ?? null, changeRequestId: e.changeRequest?.id ?? null } } : {}),
    };
  });
}

export async function arrangementHeader(arrangementId: number) {
  return prisma.arrangement.findUnique({ where: { id: arrangementId }, select: { id: true, slug: true, name: true, version: true } });
}

/** One applied change for the receipt after a direct save: the arrangement and what changed. */
export async function appliedChange(auditEventId: number, arrangementId: number) {
  const event = await prisma.auditEvent.findUnique({ where: { id: auditEventId }, select: { id: true, at: true, summary: true, arrangementId: true, before: true, after: true } });
  if (!event || event.arrangementId !== arrangementId) return null;
  const after = readSnapshot(event.after);
  if (!after) return null;
  const lookups = await loadLookups(prisma);
  return { id: event.id, at: event.at, summary: event.summary, slug: after.slug, name: after.name, version: after.version, changes: diffSnapshots(readSnapshot(event.before), after, lookups) };
}

/**
 * A request sent back to `actor`, for revising it in the form it was made with: its action, the
 * return comment and the proposed values as form values. Null when it is not the actor's or not
 * sent back.
 */
export async function revisionFor(actor: Actor, changeRequestId: number) {
  const request = await prisma.changeRequest.findUnique({
    where: { id: changeRequestId },
    select: { id: true, action: true, status: true, proposerId: true, arrangementId: true, comment: true, payload: true, revision: true },
  });
  if (!request || request.proposerId !== actor.id) return null;
  // Also just after resubmitting: the page is re-rendered after the form's action, and the same form
  // must stay mounted so it can move on to the receipt.
  const resubmitted = REVIEWABLE_STATUSES.includes(request.status) && request.revision > 1;
  if (request.status !== "RETURNED" && !resubmitted) return null;
  const payload = typeof request.payload === "object" && request.payload !== null && !Array.isArray(request.payload) ? request.payload : {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === "arrangementId" || key === "baseVersion") continue;
    // Decimals as the forms show them (2,5); ids and years are integers.
    values[key] =
      value === null || value === undefined ? "" : Array.isArray(value) ? value.join(",") : typeof value === "number" && !Number.isInteger(value) ? String(value).replace(".", ",") : String(value);
  }
  return { resubmitted, id: request.id, action: request.action, arrangementId: request.arrangementId, comment: request.comment, payload, values };
}

/** The arrangement as the revised proposal would leave it (for the full form of updateArrangement). */
export function withProposedValues(current: ArrangementSnapshot, payload: Record<string, unknown>): ArrangementSnapshot {
  const merged = structuredClone(current);
  for (const [key, value] of Object.entries(payload)) {
    if (key === "id" || key === "version" || key === "slug" || !(key in merged)) continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
