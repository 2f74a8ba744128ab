import { Tag } from "@digdir/designsystemet-react";
import { type ChangeRequestStatusName, STATUS_LABELS } from "@/lib/changes/queries";

const COLORS: Record<ChangeRequestStatusName, "info" | "success" | "danger" | "neutral"> = { PENDING: "info", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral" };

export function StatusTag({ status, conflict }: { status: ChangeRequestStatusName; conflict?: boolean }) {
  if (conflict) return <Tag data-color="warning">Konflikt</Tag>;
  return <Tag data-color={COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}
