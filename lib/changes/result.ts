/** What every mutation returns: serialisable, so server actions can hand it to useActionState. */
export type FieldErrors = Record<string, string[]>;

export type MutationFailureKind = "unauthenticated" | "forbidden" | "validation" | "conflict" | "not_found" | "error";

export type MutationResult =
  | {
      ok: true;
      outcome: "applied" | "proposed" | "done";
      message: string;
      arrangementId?: number;
      changeRequestId?: number;
      userId?: number;
      /** A one-time account link, handed to the admin only when no SMTP server is configured. */
      accountLink?: string;
      /** Several changes in one transaction (the spreadsheet import). */
      changeRequestIds?: number[];
      arrangementIds?: number[];
      /** The audit event of an applied change (for the receipt page). */
      auditEventId?: number;
      /** The survey round a round mutation acted on. */
      roundId?: number;
    }
  | { ok: false; kind: MutationFailureKind; message: string; errors?: FieldErrors };

/** Thrown inside a transaction to roll it back and return `result` to the caller. */
export class MutationFailure extends Error {
  constructor(readonly result: Extract<MutationResult, { ok: false }>) {
    super(result.message);
  }
}

export function fail(kind: MutationFailureKind, message: string, errors?: FieldErrors): Extract<MutationResult, { ok: false }> {
  return errors ? { ok: false, kind, message, errors } : { ok: false, kind, message };
}

export const MESSAGES = {
  validation: "Skjemaet har feil. Se meldingene ved feltene.",
  conflict: "Ordningen er endret av noen andre siden du åpnet den. Ingenting er lagret. Last siden på nytt, se over endringene og prøv igjen.",
  notFound: "Fant ikke ordningen.",
  error: "Noe gikk galt, og ingenting ble lagret. Prøv igjen om litt.",
  noChange: "Du har ikke endret noe.",
  participationOverlap: "Kommunen er allerede registrert som deltaker i ordningen i denne perioden. En kommune kan bare delta én gang i en ordning på samme dag. Ingenting er lagret.",
} as const;
