"use client";

import { Heading, Textfield } from "@digdir/designsystemet-react";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm } from "./form-kit";

/** Approve (blocked while in conflict), resolve the conflict, or reject with a comment. */
export function ReviewForms({ id, conflict, approve, reject, resolve }: { id: number; conflict: boolean; approve: ServerAction; reject: ServerAction; resolve: ServerAction }) {
  const [approveState, approveAction] = useMutationForm(approve);
  const [rejectState, rejectAction] = useMutationForm(reject);
  const [resolveState, resolveAction] = useMutationForm(resolve);
  return (
    <div className="review-forms">
      {conflict ? (
        <form action={resolveAction} className="stack" aria-labelledby="los-konflikt">
          <Heading level={2} data-size="sm" id="los-konflikt">
            Løs konflikten
          </Heading>
          <input type="hidden" name="changeRequestId" value={id} />
          <FormFeedback state={resolveState} />
          <div>
            <SubmitButton variant="secondary">Oppdater forslaget mot gjeldende versjon</SubmitButton>
          </div>
        </form>
      ) : (
        <form action={approveAction} className="stack" aria-labelledby="godkjenn">
          <Heading level={2} data-size="sm" id="godkjenn">
            Godkjenn
          </Heading>
          <input type="hidden" name="changeRequestId" value={id} />
          <FormFeedback state={approveState} />
          <Textfield label="Kommentar til kommunen (valgfritt)" name="comment" multiline rows={2} error={fieldError(approveState, "comment")} />
          <div>
            <SubmitButton>Godkjenn og publiser</SubmitButton>
          </div>
        </form>
      )}
      <form action={rejectAction} className="stack" aria-labelledby="avvis">
        <Heading level={2} data-size="sm" id="avvis">
          Avvis
        </Heading>
        <input type="hidden" name="changeRequestId" value={id} />
        <FormFeedback state={rejectState} />
        <Textfield label="Begrunnelse til kommunen" name="comment" multiline rows={3} error={fieldError(rejectState, "comment")} />
        <div>
          <SubmitButton variant="secondary" data-color="danger">
            Avvis forslaget
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

export function WithdrawForm({ id, action }: { id: number; action: ServerAction }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="changeRequestId" value={id} />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary">Trekk tilbake forslaget</SubmitButton>
      </div>
    </form>
  );
}
