import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { defineMutation, loadNothing } from "@/lib/changes/mutation";
import { id } from "@/lib/changes/validation";

const own = (actor: Parameters<typeof authorize>[0]) => authorize(actor, "notification.own");

/** Marks the actor's events read: one (`notificationId`) or all. */
export const markNotificationsRead = defineMutation({
  schema: z.object({ notificationId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id("Ukjent varsel.").nullable()) }),
  load: loadNothing,
  authorize: own,
  async apply(tx, { actor, input: { notificationId } }) {
    const { count } = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null, ...(notificationId ? { id: notificationId } : {}) }, data: { readAt: new Date() } });
    // Reading is not a change to the registry: no audit event.
    return { result: { ok: true, outcome: "done", message: count === 1 ? "Varselet er merket som lest." : `${count} varsler er merket som lest.` } };
  },
});

/** An adviser's choice: mail about every arriving proposal at once, or one digest a day. */
export const setProposalMailPreference = defineMutation({
  schema: z.object({ proposalMail: z.enum(["IMMEDIATE", "DAILY"], { error: "Velg hvordan du vil få e-post." }) }),
  load: loadNothing,
  authorize: own,
  async apply(tx, { actor, input: { proposalMail } }) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { proposalMail: true } });
    await tx.user.update({ where: { id: actor.id }, data: { proposalMail } });
    const label = proposalMail === "DAILY" ? "ett sammendrag om dagen" : "én e-post per forslag, med en gang";
    return {
      result: { ok: true, outcome: "done", message: `Lagret: du får ${label}.` },
      audit: { action: "setProposalMailPreference", summary: `E-postvalg for nye forslag: ${label}`, targetUserId: actor.id, before, after: { proposalMail } },
    };
  },
});

export const NOTIFICATION_MUTATIONS = { markNotificationsRead, setProposalMailPreference };
