"use client";

import type { ServerAction } from "./form-kit";
import { FormFeedback, SubmitButton, useMutationForm } from "./form-kit";

export function RestoreForm({ action, arrangementId, version, auditEventId, label }: { action: ServerAction; arrangementId: number; version: number; auditEventId: number; label: string }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="auditEventId" value={auditEventId} />
      <input type="hidden" name="which" value="before" />
      <SubmitButton variant="secondary">{label}</SubmitButton>
      <FormFeedback state={state} />
    </form>
  );
}
