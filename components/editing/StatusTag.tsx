import { Tag } from "@digdir/designsystemet-react";
import { type ChangeRequestStatusName, STATUS_LABELS } from "@/lib/changes/queries";

const COLORS: Record<ChangeRequestStatusName, "info" | "success" | "danger" | "neutral" | "warning"> = {
  PENDING: "info",
  CONFLICT: "warning",
  RETURNED: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  WITHDRAWN: "neutral",
};

/** The status of a change request, the same everywhere (lib/changes/queries.ts shownStatus). */
export function StatusTag({ status }: { status: ChangeRequestStatusName }) {
  return (
    <Tag data-color={COLORS[status]} data-testid="forslag-status">
      {STATUS_LABELS[status]}
    </Tag>
  );
}
