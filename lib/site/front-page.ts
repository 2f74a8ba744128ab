import "server-only";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { REVIEWABLE_STATUSES } from "@/lib/changes/requests";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { openTasksFor, type SurveyTask } from "@/lib/rounds/queries";

/** What the front page shows a logged-in user to do: proposals to review, own open proposals, survey rounds. */
export interface FrontPageTasks {
  /** Advisers: proposals waiting for review (PENDING or CONFLICT); null for others. */
  toReview: number | null;
  /** The user's own proposals and those of their municipalities that wait (PENDING/CONFLICT) or were sent back (RETURNED). */
  ownPending: number;
  ownReturned: { id: number; summary: string }[];
  /** Open survey rounds waiting for the user's municipality (editors). */
  surveys: SurveyTask[];
}

export async function frontPageTasks(actor: Actor): Promise<FrontPageTasks> {
  const reviewer = authorize(actor, "changeRequest.review").allowed;
  const own = { OR: [{ proposerId: actor.id }, ...(actor.municipalityIds.length && !reviewer ? [{ municipalityId: { in: actor.municipalityIds } }] : [])] };
  const [toReview, ownPending, ownReturned, surveys] = await Promise.all([
    reviewer ? prisma.changeRequest.count({ where: { status: { in: REVIEWABLE_STATUSES } } }) : null,
    prisma.changeRequest.count({ where: { ...own, status: { in: REVIEWABLE_STATUSES } } }),
    prisma.changeRequest.findMany({ where: { ...own, status: "RETURNED" }, select: { id: true, summary: true }, orderBy: { updatedAt: "desc" }, take: 5 }),
    openTasksFor(actor),
  ]);
  return { toReview, ownPending, ownReturned, surveys };
}

export interface RecentChange {
  arrangementId: number;
  slug: string;
  name: string;
  at: Date;
  summary: string;
}

/**
 * The arrangements changed most recently, for everyone: from the change log (AuditEvent), only
 * applied changes (events that carry the arrangement's state after the change), one line per
 * arrangement, newest first.
 */
export async function recentlyChangedArrangements(limit = 8): Promise<RecentChange[]> {
  const events = await prisma.auditEvent.findMany({
    where: { arrangementId: { not: null }, after: { not: Prisma.DbNull } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit * 6,
    select: { at: true, summary: true, arrangement: { select: { id: true, slug: true, name: true } } },
  });
  const seen = new Set<number>();
  const changes: RecentChange[] = [];
  for (const e of events) {
    if (!e.arrangement || seen.has(e.arrangement.id)) continue;
    seen.add(e.arrangement.id);
    changes.push({ arrangementId: e.arrangement.id, slug: e.arrangement.slug, name: e.arrangement.name, at: e.at, summary: e.summary });
    if (changes.length === limit) break;
  }
  return changes;
}
