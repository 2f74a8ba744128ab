"use client";

import { Fieldset, FieldsetDescription, FieldsetLegend, Heading, Radio, Textfield } from "@digdir/designsystemet-react";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "./form-kit";

export interface ConflictChoice {
  key: string;
  label: string;
  now: string | null;
  proposed: string | null;
}

/**
 * The adviser's decision: approve (choosing, per field in conflict, the current or the proposed
 * value), send back to the proposer with a comment, or reject with a comment.
 */
export function ReviewForms({ id, conflicts, approve, reject, sendBack }: { id: number; conflicts: ConflictChoice[]; approve: ServerAction; reject: ServerAction; sendBack: ServerAction }) {
  const [approveState, approveAction] = useMutationForm(approve);
  const [rejectState, rejectAction] = useMutationForm(reject);
  const [returnState, returnAction] = useMutationForm(sendBack);
  return (
    <div className="review-forms">
      <form action={approveAction} className="stack" aria-labelledby="godkjenn" key={`godkjenn-${approveState.submittedAt ?? 0}`}>
        <Heading level={2} data-size="sm" id="godkjenn">
          {conflicts.length ? "Løs konflikten og godkjenn" : "Godkjenn"}
        </Heading>
        <input type="hidden" name="changeRequestId" value={id} />
        <FormFeedback state={approveState} />
        {conflicts.map((c) => {
          const chosen = valueOf(approveState, `valg:${c.key}`, "");
          return (
            <Fieldset key={c.key} data-testid={`valg-${c.key}`}>
              <FieldsetLegend>{c.label}</FieldsetLegend>
              <FieldsetDescription>Endret etter at forslaget ble sendt. Velg hvilken verdi som skal gjelde.</FieldsetDescription>
              <Radio name={`valg:${c.key}`} value="gjeldende" label={`Behold gjeldende: ${c.now ?? "ingen verdi"}`} defaultChecked={chosen === "gjeldende"} />
              <Radio name={`valg:${c.key}`} value="forslag" label={`Bruk forslaget: ${c.proposed ?? "ingen verdi"}`} defaultChecked={chosen === "forslag"} />
            </Fieldset>
          );
        })}
        <Textfield label="Kommentar til kommunen (valgfritt)" name="comment" multiline rows={2} defaultValue={valueOf(approveState, "comment", "")} error={fieldError(approveState, "comment")} />
        <div>
          <SubmitButton>Godkjenn og publiser</SubmitButton>
        </div>
      </form>
      <form action={returnAction} className="stack" aria-labelledby="send-tilbake" key={`tilbake-${returnState.submittedAt ?? 0}`}>
        <Heading level={2} data-size="sm" id="send-tilbake">
          Send tilbake
        </Heading>
        <input type="hidden" name="changeRequestId" value={id} />
        <FormFeedback state={returnState} />
        <Textfield
          label="Hva bør kommunen endre?"
          description="Kommunen får forslaget tilbake, kan endre det og sende det på nytt."
          name="comment"
          multiline
          rows={3}
          defaultValue={valueOf(returnState, "comment", "")}
          error={fieldError(returnState, "comment")}
        />
        <div>
          <SubmitButton variant="secondary">Send tilbake til kommunen</SubmitButton>
        </div>
      </form>
      <form action={rejectAction} className="stack" aria-labelledby="avvis" key={`avvis-${rejectState.submittedAt ?? 0}`}>
        <Heading level={2} data-size="sm" id="avvis">
          Avvis
        </Heading>
        <input type="hidden" name="changeRequestId" value={id} />
        <FormFeedback state={rejectState} />
        <Textfield label="Begrunnelse til kommunen" name="comment" multiline rows={3} defaultValue={valueOf(rejectState, "comment", "")} error={fieldError(rejectState, "comment")} />
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

/** A new entry in a proposal's thread (proposer or adviser). */
export function CommentForm({ id, action }: { id: number; action: ServerAction }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack" aria-labelledby="ny-kommentar" key={`kommentar-${state.ok ? state.submittedAt : "skjema"}`}>
      <Heading level={3} data-size="xs" id="ny-kommentar">
        Skriv en kommentar
      </Heading>
      <input type="hidden" name="changeRequestId" value={id} />
      <FormFeedback state={state} />
      <Textfield
        label="Kommentar"
        description="Bare kommunen og Statsforvalteren ser samtalen."
        name="comment"
        multiline
        rows={3}
        defaultValue={valueOf(state, "comment", "")}
        error={fieldError(state, "comment")}
      />
      <div>
        <SubmitButton variant="secondary">Legg til kommentar</SubmitButton>
      </div>
    </form>
  );
}
