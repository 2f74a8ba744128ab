"use client";

import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useRef, useState } from "react";
import { CheckboxGroup } from "@/components/editing/fields";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "@/components/editing/form-kit";

interface Option {
  id: number;
  name: string;
}

/** «Åpne en kartleggingsrunde»: name, deadline, message and the municipalities (in-survey-scope ones ticked). */
export function OpenRoundForm({
  action,
  municipalities,
  preselected,
  defaultName,
  defaultDeadline,
}: {
  action: ServerAction;
  municipalities: Option[];
  preselected: number[];
  defaultName: string;
  defaultDeadline: string;
}) {
  const [state, formAction] = useMutationForm(action);
  const submitted = state.ok === false ? state.values?.municipalityIds : undefined;
  const form = useRef<HTMLFormElement>(null);
  const initial = new Set(Array.isArray(submitted) ? submitted : preselected.map(String));
  // Ticks exactly `ids` without re-mounting the form (what has been typed stays).
  const choose = (ids: number[]) => {
    const wanted = new Set(ids.map(String));
    form.current?.querySelectorAll<HTMLInputElement>('input[name="municipalityIds"]').forEach((box) => {
      box.checked = wanted.has(box.value);
    });
  };
  return (
    <form ref={form} action={formAction} className="stack" key={state.ok ? `ok-${state.submittedAt}` : `form-${state.submittedAt ?? 0}`} noValidate>
      <input type="hidden" name="_fields" value="municipalityIds" />
      <FormFeedback state={state} successLink={state.ok && state.roundId ? { href: `/kartlegging/${state.roundId}`, label: "Åpne fremdriftstavlen" } : undefined} />
      <Textfield label="Navn på runden" name="name" defaultValue={state.ok ? "" : valueOf(state, "name", defaultName)} error={fieldError(state, "name")} />
      <Textfield
        label="Frist"
        description="Siste dag kommunene kan bekrefte."
        name="deadline"
        type="date"
        defaultValue={valueOf(state, "deadline", defaultDeadline)}
        error={fieldError(state, "deadline")}
      />
      <Textfield label="Melding til kommunene (valgfritt)" name="message" multiline rows={4} defaultValue={state.ok ? "" : valueOf(state, "message", "")} error={fieldError(state, "message")} />
      <div className="button-row">
        <Button type="button" variant="tertiary" data-size="sm" onClick={() => choose(preselected)}>
          Velg de kartlagte kommunene
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={() => choose([])}>
          Fjern alle
        </Button>
      </div>
      <CheckboxGroup
        legend="Kommuner i runden"
        description="Kommunene som var med i kartleggingen, er valgt på forhånd."
        name="municipalityIds"
        options={municipalities}
        checked={initial}
        error={fieldError(state, "municipalityIds")}
      />
      <div>
        <SubmitButton>Åpne runden</SubmitButton>
      </div>
    </form>
  );
}

/** «Bekreft oversikten» for one municipality in one round. */
export function ConfirmForm({ action, roundId, municipalityId, label, done }: { action: ServerAction; roundId: number; municipalityId: number; label: string; done: boolean }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <FormFeedback state={state} />
      {done ? null : (
        <div>
          <SubmitButton>{label}</SubmitButton>
        </div>
      )}
    </form>
  );
}

export function RemindForm({ action, roundId, count }: { action: ServerAction; roundId: number; count: number }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="roundId" value={roundId} />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary">{`Send påminnelse på e-post til de ${count} som ikke har bekreftet`}</SubmitButton>
      </div>
    </form>
  );
}

export function CloseForm({ action, roundId, defaultName }: { action: ServerAction; roundId: number; defaultName: string }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack narrow">
      <input type="hidden" name="roundId" value={roundId} />
      <FormFeedback state={state} />
      <Textfield
        label="Navn på øyeblikksbildet"
        description="Registeret slik det er i dag lagres under dette navnet og kan sammenlignes med senere."
        name="snapshotName"
        defaultValue={valueOf(state, "snapshotName", defaultName)}
        error={fieldError(state, "snapshotName")}
      />
      <div>
        <SubmitButton data-color="danger" variant="secondary">
          Lukk runden og lagre øyeblikksbildet
        </SubmitButton>
      </div>
    </form>
  );
}

/** A ready-to-copy text with a copy button (the reminder for those without mail). */
export function CopyText({ id, label, text }: { id: string; label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack">
      <Textfield label={label} multiline readOnly value={text} rows={Math.min(18, text.split("\n").length + 1)} data-testid={id} />
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          Kopier teksten
        </Button>
        <Paragraph role="status" data-size="sm">
          {copied ? "Kopiert." : ""}
        </Paragraph>
      </div>
    </div>
  );
}
