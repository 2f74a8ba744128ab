import "server-only";
import type { Actor } from "@/lib/auth/authorize";
import { toJson, type Tx } from "@/lib/db";

export interface AuditInput {
  actor: Actor | null;
  action: string;
  summary: string;
  arrangementId?: number | null;
  changeRequestId?: number | null;
  targetUserId?: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? undefined : toJson(value));

/** Writes one audit event. Always called inside the transaction that made the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<number> {
  const event = await tx.auditEvent.create({
    data: {
      userId: input.actor?.id ?? null,
      role: input.actor?.role ?? null,
      action: input.action,
      summary: input.summary.slice(0, 500),
      arrangementId: input.arrangementId ?? null,
      changeRequestId: input.changeRequestId ?? null,
      targetUserId: input.targetUserId ?? null,
      before: json(input.before),
      after: json(input.after),
    },
  });
  return event.id;
}
