import "server-only";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { REVIEWABLE_STATUSES } from "@/lib/changes/requests";
import { prisma } from "@/lib/db";

/** Read side of the in-app notifications: the badge counts in the header and the list of events. */

export interface Badge {
  /** Where the count belongs: «Endringsforslag» (advisers) or «Mine forslag» (editors). */
  href: "/endringsforslag" | "/mine-forslag";
  /** Advisers: proposals waiting for a decision; editors: unread events. */
  count: number;
  unread: number;
}

export async function badgeFor(actor: Actor): Promise<Badge> {
  const unread = await prisma.notification.count({ where: { userId: actor.id, readAt: null } });
  if (authorize(actor, "changeRequest.review").allowed) {
    const waiting = await prisma.changeRequest.count({ where: { status: { in: REVIEWABLE_STATUSES } } });
    return { href: "/endringsforslag", count: waiting, unread };
  }
  return { href: "/mine-forslag", count: unread, unread };
}

/** The actor's events, unread first, then the newest. */
export async function notificationsFor(actor: Actor, limit = 100) {
  return prisma.notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    select: { id: true, kind: true, text: true, createdAt: true, readAt: true, changeRequestId: true },
  });
}

export async function mailPreferenceOf(actor: Actor): Promise<"IMMEDIATE" | "DAILY"> {
  return (await prisma.user.findUnique({ where: { id: actor.id }, select: { proposalMail: true } }))?.proposalMail ?? "IMMEDIATE";
}
