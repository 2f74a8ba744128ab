"use client";

import { Fieldset, FieldsetLegend, Radio } from "@digdir/designsystemet-react";
import { FormFeedback, type ServerAction, SubmitButton, useMutationForm } from "./form-kit";

export function MarkReadForm({ action }: { action: ServerAction }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="notificationId" value="" />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary">Merk alle som lest</SubmitButton>
      </div>
    </form>
  );
}

export function MailPreferenceForm({ action, current }: { action: ServerAction; current: "IMMEDIATE" | "DAILY" }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <FormFeedback state={state} />
      <Fieldset>
        <FieldsetLegend>Når et forslag kommer inn</FieldsetLegend>
        <Radio name="proposalMail" value="IMMEDIATE" label="Send e-post med en gang" defaultChecked={current === "IMMEDIATE"} />
        <Radio name="proposalMail" value="DAILY" label="Send ett sammendrag om dagen (kl. 07)" defaultChecked={current === "DAILY"} />
      </Fieldset>
      <div>
        <SubmitButton variant="secondary">Lagre valget</SubmitButton>
      </div>
    </form>
  );
}
