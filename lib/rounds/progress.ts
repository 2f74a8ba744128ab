import "server-only";
import type { Tx } from "@/lib/db";
import { progressOf, type MunicipalityProgress, type RoundEvent } from "./state.ts";

export interface RoundWindow {
  id: number;
  openedAt: Date;
  closedAt: Date | null;
}

/**
 * The events of the state machine (./state.ts) for municipalities in a round: their change
 * requests sent while the round was open (from any flow: the edit form, ending, new arrangements,
 * the import) and their confirmations. Derived, so no other flow has to tell the round about itself.
 */
export async function roundEvents(tx: Tx, round: RoundWindow, municipalityIds: number[]): Promise<Map<number, RoundEvent[]>> {
  const [proposals, confirmations] = await Promise.all([
    tx.changeRequest.findMany({
      where: { municipalityId: { in: municipalityIds }, createdAt: { gte: round.openedAt, ...(round.closedAt ? { lte: round.closedAt } : {}) } },
      select: { municipalityId: true, createdAt: true, proposer: { select: { name: true } } },
    }),
    tx.surveyConfirmation.findMany({ where: { roundId: round.id, municipalityId: { in: municipalityIds } }, select: { municipalityId: true, at: true, user: { select: { name: true } } } }),
  ]);
  const events = new Map<number, RoundEvent[]>(municipalityIds.map((id) => [id, []]));
  for (const p of proposals) events.get(p.municipalityId!)?.push({ kind: "proposal", at: p.createdAt, by: p.proposer.name });
  for (const c of confirmations) events.get(c.municipalityId)?.push({ kind: "confirm", at: c.at, by: c.user.name });
  return events;
}

/** Progress per municipality in the round. */
export async function roundProgress(tx: Tx, round: RoundWindow, municipalityIds: number[]): Promise<Map<number, MunicipalityProgress>> {
  const events = await roundEvents(tx, round, municipalityIds);
  return new Map([...events].map(([id, list]) => [id, progressOf(list, round.closedAt)]));
}
