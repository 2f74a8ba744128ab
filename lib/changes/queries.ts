import "server-only";
import { decodePathSegment } from "@/lib/http/path-segment";
import type { Actor } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";
import { currentOrUpcomingParticipationWhere } from "@/lib/domain/activity";
import type { MunicipalityValidity } from "@/lib/domain/municipalities";
import { todayInNorway } from "@/lib/domain/today";
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
  const pendingForArrangement = await prisma.changeRequest.count({ where: { arrangementId, status: "PENDING" } });
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

export type ChangeRequestStatusName = "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN";
export const STATUS_LABELS: Record<ChangeRequestStatusName, string> = { PENDING: "Venter", APPROVED: "Godkjent", REJECTED: "Avvist", WITHDRAWN: "Trukket tilbake" };

export async function reviewQueue() {
  const rows = await prisma.changeRequest.findMany({ where: { status: "PENDING" }, include: requestInclude, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ ...r, conflict: Boolean(r.arrangement && r.arrangement.version !== r.baseVersion) }));
}

export async function recentlyDecided(limit = 20) {
  return prisma.changeRequest.findMany({ where: { status: { not: "PENDING" } }, include: requestInclude, orderBy: { updatedAt: "desc" }, take: limit });
}

/** Proposals of the actor and of the actor's municipalities, newest first. */
export async function proposalsFor(actor: Actor) {
  return prisma.changeRequest.findMany({
    where: { OR: [{ proposerId: actor.id }, ...(actor.municipalityIds.length ? [{ municipalityId: { in: actor.municipalityIds } }] : [])] },
    include: requestInclude,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

export interface ChangeRequestView {
  request: Awaited<ReturnType<typeof loadRequest>> & {};
  diff: (DiffEntry & { current: string | null; changedSince: boolean })[];
  conflict: boolean;
  currentVersion: number | null;
}

async function loadRequest(id: number) {
  return prisma.changeRequest.findUnique({ where: { id }, include: requestInclude });
}

export async function changeRequestView(id: number): Promise<ChangeRequestView | null> {
  const request = await loadRequest(id);
  if (!request) return null;
  const current = request.arrangementId ? await loadSnapshot(prisma, request.arrangementId) : null;
  const lookups = await loadLookups(prisma);
  const conflict = Boolean(request.status === "PENDING" && current && current.version !== request.baseVersion);
  const diff = readDiff(request.diff).map((entry) => {
    const now = describeCurrent(current, entry.field, lookups);
    return { ...entry, current: now, changedSince: Boolean(current) && now !== entry.before };
  });
  return { request, diff, conflict, currentVersion: current?.version ?? null };
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
