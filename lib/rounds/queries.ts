import "server-only";
import type { Actor } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";
import { currentOrUpcomingParticipationWhere, hasArrangementEndedBefore } from "@/lib/domain/activity";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { roundProgress } from "./progress.ts";
import { countByState, isConfirmed, isOverdue, type MunicipalityProgress, type RoundState } from "./state.ts";

/** Read queries for the survey-round pages (docs/decisions/0045). */

export interface RoundSummary {
  id: number;
  name: string;
  deadline: string;
  message: string;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  closedBy: string | null;
  snapshot: { slug: string; name: string } | null;
  counts: Record<RoundState, number>;
  overdue: number;
  total: number;
}

const roundInclude = {
  openedBy: { select: { name: true } },
  closedBy: { select: { name: true } },
  snapshot: { select: { slug: true, name: true } },
  municipalities: { select: { municipalityId: true } },
} as const;

type RoundRow = Awaited<ReturnType<typeof loadRounds>>[number];
const loadRounds = (where: { id?: number } = {}) => prisma.surveyRound.findMany({ where, include: roundInclude, orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { openedAt: "desc" }] });

async function summarise(round: RoundRow, today: string): Promise<{ summary: RoundSummary; progress: Map<number, MunicipalityProgress> }> {
  const ids = round.municipalities.map((m) => m.municipalityId);
  const progress = await roundProgress(prisma, round, ids);
  const states = [...progress.values()].map((p) => p.state);
  const deadline = isoDateOf(round.deadline)!;
  return {
    summary: {
      id: round.id,
      name: round.name,
      deadline,
      message: round.message,
      openedAt: round.openedAt,
      openedBy: round.openedBy.name,
      closedAt: round.closedAt,
      closedBy: round.closedBy?.name ?? null,
      snapshot: round.snapshot,
      counts: countByState(states),
      overdue: states.filter((s) => isOverdue(s, deadline, today, round.closedAt !== null)).length,
      total: ids.length,
    },
    progress,
  };
}

/** Every round, open ones first. */
export async function listRounds(): Promise<RoundSummary[]> {
  const today = todayInNorway();
  const rounds = await loadRounds();
  return Promise.all(rounds.map(async (r) => (await summarise(r, today)).summary));
}

export interface BoardRow extends MunicipalityProgress {
  municipalityId: number;
  slug: string;
  name: string;
  overdue: boolean;
  remindedAt: Date | null;
  pending: number;
  editors: number;
}

export interface RoundBoard {
  round: RoundSummary;
  rows: BoardRow[];
  /** Pending change requests from the municipalities in the round (closing waits for them). */
  pending: number;
}

/** The advisers' progress board of one round. */
export async function roundBoard(roundId: number): Promise<RoundBoard | null> {
  const [round] = await loadRounds({ id: roundId });
  if (!round) return null;
  const today = todayInNorway();
  const { summary, progress } = await summarise(round, today);
  const ids = round.municipalities.map((m) => m.municipalityId);
  const [municipalities, scope, pending, editors] = await Promise.all([
    prisma.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true } }),
    prisma.surveyRoundMunicipality.findMany({ where: { roundId }, select: { municipalityId: true, remindedAt: true } }),
    prisma.changeRequest.groupBy({ by: ["municipalityId"], where: { municipalityId: { in: ids }, status: "PENDING" }, _count: { _all: true } }),
    prisma.userMunicipality.groupBy({ by: ["municipalityId"], where: { municipalityId: { in: ids }, user: { active: true, role: "KOMMUNE" } }, _count: { _all: true } }),
  ]);
  const reminded = new Map(scope.map((s) => [s.municipalityId, s.remindedAt]));
  const pendingBy = new Map(pending.map((p) => [p.municipalityId, p._count._all]));
  const editorsBy = new Map(editors.map((e) => [e.municipalityId, e._count._all]));
  const rows = municipalities
    .map((m) => {
      const p = progress.get(m.id)!;
      return {
        ...p,
        municipalityId: m.id,
        slug: m.slug,
        name: m.name,
        overdue: isOverdue(p.state, summary.deadline, today, round.closedAt !== null),
        remindedAt: reminded.get(m.id) ?? null,
        pending: pendingBy.get(m.id) ?? 0,
        editors: editorsBy.get(m.id) ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nb") || a.municipalityId - b.municipalityId);
  return { round: summary, rows, pending: rows.reduce((sum, r) => sum + r.pending, 0) };
}

export interface SurveyTask {
  roundId: number;
  roundName: string;
  deadline: string;
  message: string;
  municipalityId: number;
  municipalitySlug: string;
  municipalityName: string;
  progress: MunicipalityProgress;
  overdue: boolean;
}

/** The open rounds' tasks of a kommune editor (one per municipality in scope), not-yet-confirmed first. */
export async function openTasksFor(actor: Actor, onlyMunicipalityId?: number): Promise<SurveyTask[]> {
  const ids = onlyMunicipalityId === undefined ? actor.municipalityIds : actor.municipalityIds.filter((id) => id === onlyMunicipalityId);
  if (actor.role !== "KOMMUNE" || ids.length === 0) return [];
  const today = todayInNorway();
  const rounds = await prisma.surveyRound.findMany({
    where: { closedAt: null, municipalities: { some: { municipalityId: { in: ids } } } },
    include: { municipalities: { where: { municipalityId: { in: ids } }, include: { municipality: { select: { id: true, slug: true, name: true } } } } },
    orderBy: { deadline: "asc" },
  });
  const tasks: SurveyTask[] = [];
  for (const round of rounds) {
    const progress = await roundProgress(
      prisma,
      round,
      round.municipalities.map((m) => m.municipalityId),
    );
    for (const { municipality: m } of round.municipalities) {
      const p = progress.get(m.id)!;
      const deadline = isoDateOf(round.deadline)!;
      tasks.push({
        roundId: round.id,
        roundName: round.name,
        deadline,
        message: round.message,
        municipalityId: m.id,
        municipalitySlug: m.slug,
        municipalityName: m.name,
        progress: p,
        overdue: isOverdue(p.state, deadline, today, false),
      });
    }
  }
  return tasks.sort((a, b) => Number(isConfirmed(a.progress.state)) - Number(isConfirmed(b.progress.state)) || a.deadline.localeCompare(b.deadline));
}

export interface LastConfirmation {
  at: Date;
  municipalityName: string;
  roundName: string;
}

/** The latest confirmation covering each arrangement (null when never confirmed). */
export async function lastConfirmations(arrangementIds: number[]): Promise<Map<number, LastConfirmation>> {
  if (arrangementIds.length === 0) return new Map();
  const rows = await prisma.arrangementConfirmation.findMany({
    where: { arrangementId: { in: arrangementIds } },
    select: { arrangementId: true, confirmation: { select: { at: true, municipality: { select: { name: true } }, round: { select: { name: true } } } } },
    orderBy: { confirmation: { at: "desc" } },
  });
  const out = new Map<number, LastConfirmation>();
  for (const r of rows) {
    if (!out.has(r.arrangementId)) out.set(r.arrangementId, { at: r.confirmation.at, municipalityName: r.confirmation.municipality.name, roundName: r.confirmation.round.name });
  }
  return out;
}

export interface TaskArrangement {
  id: number;
  slug: string;
  name: string;
  ended: boolean;
  pending: number;
  lastConfirmation: LastConfirmation | null;
}

export interface MunicipalityTask {
  round: RoundSummary;
  municipality: { id: number; slug: string; name: string };
  progress: MunicipalityProgress;
  overdue: boolean;
  arrangements: TaskArrangement[];
  pending: number;
}

/** What one municipality goes through in a round: its arrangements with their last confirmation. */
export async function municipalityTask(roundId: number, municipalityId: number): Promise<MunicipalityTask | null> {
  const [round] = await loadRounds({ id: roundId });
  if (!round || !round.municipalities.some((m) => m.municipalityId === municipalityId)) return null;
  const today = todayInNorway();
  const { summary, progress } = await summarise(round, today);
  const municipality = await prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { id: true, slug: true, name: true } });
  const arrangements = await prisma.arrangement.findMany({
    where: { participations: { some: { municipalityId, ...currentOrUpcomingParticipationWhere(today) } } },
    select: { id: true, slug: true, name: true, endDate: true, _count: { select: { changeRequests: { where: { status: "PENDING" } } } } },
    orderBy: { name: "asc" },
  });
  const confirmations = await lastConfirmations(arrangements.map((a) => a.id));
  const pending = await prisma.changeRequest.count({ where: { municipalityId, status: "PENDING" } });
  const p = progress.get(municipalityId)!;
  return {
    round: summary,
    municipality,
    progress: p,
    overdue: isOverdue(p.state, summary.deadline, today, round.closedAt !== null),
    arrangements: arrangements
      .map((a) => ({
        id: a.id,
        slug: a.slug,
        name: a.name,
        ended: hasArrangementEndedBefore(a, today),
        pending: a._count.changeRequests,
        lastConfirmation: confirmations.get(a.id) ?? null,
      }))
      .sort((a, b) => Number(a.ended) - Number(b.ended) || a.name.localeCompare(b.name, "nb")),
    pending,
  };
}

export interface ClosedRoundConfirmations {
  /** The most recently closed round, or null when no round has been closed. */
  round: { id: number; name: string; closedAt: Date } | null;
  /** Per arrangement id: when it was confirmed in that round (the latest confirmation) and by which municipalities. */
  confirmations: Map<number, { confirmedAt: Date; municipalityIds: number[] }>;
}

/**
 * For the data-quality rule «not confirmed in the last closed round»: per arrangement, whether and
 * when it was confirmed in the most recently closed round. An arrangement missing from the map
 * was not confirmed there (the rule applies only when `round` is not null).
 */
export async function lastClosedRoundConfirmations(): Promise<ClosedRoundConfirmations> {
  const round = await prisma.surveyRound.findFirst({ where: { closedAt: { not: null } }, orderBy: { closedAt: "desc" }, select: { id: true, name: true, closedAt: true } });
  if (!round) return { round: null, confirmations: new Map() };
  const rows = await prisma.arrangementConfirmation.findMany({
    where: { confirmation: { roundId: round.id, at: { lte: round.closedAt! } } },
    select: { arrangementId: true, confirmation: { select: { at: true, municipalityId: true } } },
  });
  const confirmations = new Map<number, { confirmedAt: Date; municipalityIds: number[] }>();
  for (const r of rows) {
    const entry = confirmations.get(r.arrangementId) ?? { confirmedAt: r.confirmation.at, municipalityIds: [] };
    if (r.confirmation.at > entry.confirmedAt) entry.confirmedAt = r.confirmation.at;
    if (!entry.municipalityIds.includes(r.confirmation.municipalityId)) entry.municipalityIds.push(r.confirmation.municipalityId);
    confirmations.set(r.arrangementId, entry);
  }
  return { round: { id: round.id, name: round.name, closedAt: round.closedAt! }, confirmations };
}

/** The slug of the first of `municipalityIds` in the round (where an editor's link to the round leads), or null. */
export async function ownMunicipalityInRound(roundId: number, municipalityIds: number[]): Promise<string | null> {
  const own = await prisma.surveyRoundMunicipality.findFirst({
    where: { roundId, municipalityId: { in: municipalityIds } },
    include: { municipality: { select: { slug: true } } },
    orderBy: { municipalityId: "asc" },
  });
  return own?.municipality.slug ?? null;
}

/** A municipality's id by slug (the task page's address), or null. */
export async function municipalityIdBySlug(slug: string): Promise<number | null> {
  return (await prisma.municipality.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

/** Municipalities for the comparison's picker: those surveyed, by name. */
export async function listMunicipalityOptions(): Promise<{ slug: string; name: string }[]> {
  const rows = await prisma.municipality.findMany({ where: { inSurveyScope: true }, select: { slug: true, name: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "nb"));
}
