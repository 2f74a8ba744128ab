/**
 * The state machine of one municipality in a survey round (kartleggingsrunde),
 * docs/decisions/0045-survey-rounds-and-snapshots.md. No database access: safe anywhere.
 *
 *   NOT_STARTED ──proposal──▶ IN_PROGRESS ──confirm──▶ CONFIRMED_WITH_CHANGES
 *        │                      ▲    ▲                          │
 *        └──confirm──▶ CONFIRMED ┘    └──────proposal───────────┘
 *                       (proposal)
 *
 * - `proposal`: the municipality sent a change request (edit, new participant, ended or new
 *   arrangement, import) while the round was open.
 * - `confirm`: «Bekreft oversikten». Confirming twice without a proposal in between is refused.
 * A proposal after a confirmation reopens the work (IN_PROGRESS): the confirmation no longer
 * describes the list the municipality now wants. Nothing happens once the round is closed; the
 * state at closing is final. Overdue is not a state but a flag: open round, deadline passed, not confirmed.
 */
export const ROUND_STATES = ["NOT_STARTED", "IN_PROGRESS", "CONFIRMED", "CONFIRMED_WITH_CHANGES"] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  NOT_STARTED: "Ikke startet",
  IN_PROGRESS: "Under arbeid",
  CONFIRMED: "Bekreftet",
  CONFIRMED_WITH_CHANGES: "Bekreftet med endringer",
};

export type RoundEvent = { kind: "proposal"; at: Date; by: string } | { kind: "confirm"; at: Date; by: string };

export type Transition = { ok: true; state: RoundState } | { ok: false; message: string };

export const ALREADY_CONFIRMED = "Oversikten er allerede bekreftet i denne runden. Send endringsforslag hvis noe har endret seg siden.";

export function isConfirmed(state: RoundState): boolean {
  return state === "CONFIRMED" || state === "CONFIRMED_WITH_CHANGES";
}

/** One step of the machine. */
export function transition(state: RoundState, event: RoundEvent["kind"]): Transition {
  if (event === "proposal") return { ok: true, state: "IN_PROGRESS" };
  switch (state) {
    case "NOT_STARTED":
      return { ok: true, state: "CONFIRMED" };
    case "IN_PROGRESS":
      return { ok: true, state: "CONFIRMED_WITH_CHANGES" };
    case "CONFIRMED":
    case "CONFIRMED_WITH_CHANGES":
      return { ok: false, message: ALREADY_CONFIRMED };
  }
}

export interface MunicipalityProgress {
  state: RoundState;
  /** The first proposal or confirmation. */
  startedAt: Date | null;
  /** The latest confirmation that is still in force (null when reopened or never confirmed). */
  confirmedAt: Date | null;
  confirmedBy: string | null;
  /** Latest activity and who did it. */
  lastAt: Date | null;
  lastBy: string | null;
  proposals: number;
}

/** The state after the events (in time order; events after `closedAt` are ignored). */
export function progressOf(events: readonly RoundEvent[], closedAt: Date | null = null): MunicipalityProgress {
  const sorted = [...events].filter((e) => !closedAt || e.at <= closedAt).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "proposal" ? -1 : 1));
  const progress: MunicipalityProgress = { state: "NOT_STARTED", startedAt: null, confirmedAt: null, confirmedBy: null, lastAt: null, lastBy: null, proposals: 0 };
  for (const event of sorted) {
    const next = transition(progress.state, event.kind);
    if (!next.ok) continue; // a repeated confirmation (two editors at once) changes nothing
    progress.state = next.state;
    progress.startedAt ??= event.at;
    progress.lastAt = event.at;
    progress.lastBy = event.by;
    if (event.kind === "proposal") {
      progress.proposals += 1;
      progress.confirmedAt = null;
      progress.confirmedBy = null;
    } else {
      progress.confirmedAt = event.at;
      progress.confirmedBy = event.by;
    }
  }
  return progress;
}

/** Overdue: the round is open, its deadline (inclusive) has passed and the municipality has not confirmed. */
export function isOverdue(state: RoundState, deadline: string, today: string, closed: boolean): boolean {
  return !closed && today > deadline && !isConfirmed(state);
}

/** Counts per state, in ROUND_STATES order. */
export function countByState(states: readonly RoundState[]): Record<RoundState, number> {
  const counts = Object.fromEntries(ROUND_STATES.map((s) => [s, 0])) as Record<RoundState, number>;
  for (const s of states) counts[s] += 1;
  return counts;
}
