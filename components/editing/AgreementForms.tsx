"use client";

import { Heading, Label, Paragraph, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { EditableArrangement } from "@/lib/changes/queries";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "./form-kit";

/** The same limit and wording as lib/changes/agreement-file.ts; checked here first so a too large file is never sent. */
const MAX_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = "Filen er for stor. Avtalen kan være høyst 10 MB. Prøv å lagre PDF-en med lavere oppløsning, eller legg inn en lenke i stedet.";

/** Date, revised date and link of the cooperation agreement: proposed by editors, applied by advisers. */
export function AgreementForm({ action, arrangement, proposes }: { action: ServerAction; arrangement: EditableArrangement; proposes: boolean }) {
  const [state, formAction] = useMutationForm(action);
  const { snapshot } = arrangement;
  return (
    <form action={formAction} className="stack" key={`${snapshot.version}-${state.submittedAt ?? 0}`} aria-labelledby="samarbeidsavtale">
      <Heading level={2} data-size="md" id="samarbeidsavtale">
        Samarbeidsavtale
      </Heading>
      <Paragraph data-size="sm">
        Kommuneloven krever skriftlig samarbeidsavtale for interkommunale politiske råd (§ 18-4), kommunale oppgavefellesskap (§ 19-4) og vertskommunesamarbeid (§ 20-4), og interkommunale selskaper
        har selskapsavtale (IKS-loven § 4).
      </Paragraph>
      <input type="hidden" name="arrangementId" value={snapshot.id!} />
      <input type="hidden" name="baseVersion" value={snapshot.version} />
      <FormFeedback state={state} successLink={proposes && state.ok ? { href: "/mine-forslag", label: "Se forslagene dine" } : undefined} />
      <Textfield label="Inngått (valgfritt)" name="agreementDate" type="date" defaultValue={valueOf(state, "agreementDate", snapshot.agreementDate)} error={fieldError(state, "agreementDate")} />
      <Textfield
        label="Sist revidert (valgfritt)"
        name="agreementRevisedDate"
        type="date"
        defaultValue={valueOf(state, "agreementRevisedDate", snapshot.agreementRevisedDate)}
        error={fieldError(state, "agreementRevisedDate")}
      />
      <Textfield
        label="Lenke til avtalen (valgfritt)"
        description="For eksempel til kommunens postjournal eller nettside."
        name="agreementUrl"
        type="url"
        inputMode="url"
        defaultValue={valueOf(state, "agreementUrl", snapshot.agreementUrl)}
        error={fieldError(state, "agreementUrl")}
      />
      <div>
        <SubmitButton>{proposes ? "Foreslå: lagre avtaleopplysninger" : "Lagre avtaleopplysninger"}</SubmitButton>
      </div>
    </form>
  );
}

/** Upload (or replace) the agreement PDF. Only advisers see this form; the action checks again. */
export function AgreementUploadForm({ action, arrangementId, current }: { action: ServerAction; arrangementId: number; current: { fileName: string; sha256: string } | null }) {
  const [state, formAction] = useMutationForm(action);
  const [clientError, setClientError] = useState<string | null>(null);
  const error = clientError ?? fieldError(state, "file");
  return (
    <form
      action={formAction}
      className="stack"
      key={state.submittedAt ?? 0}
      aria-labelledby="avtale-pdf"
      data-testid="avtale-opplasting"
      onSubmit={(event) => {
        if (clientError) event.preventDefault();
      }}
    >
      <Heading level={3} data-size="xs" id="avtale-pdf">
        Last opp avtalen som PDF
      </Heading>
      <Paragraph data-size="sm">
        {current ? `Lagret nå: ${current.fileName} (SHA-256 ${current.sha256.slice(0, 12)}…). En ny fil erstatter den.` : "Ingen PDF er lastet opp."} Høyst 10 MB. Filen blir offentlig på ordningens
        side.
      </Paragraph>
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <FormFeedback state={state} />
      <div className="ds-field">
        <Label htmlFor="avtale-fil">PDF-fil</Label>
        <input
          id="avtale-fil"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          className="file-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "avtale-fil-feil" : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setClientError(file && file.size > MAX_BYTES ? TOO_LARGE : null);
          }}
        />
        {error ? <ValidationMessage id="avtale-fil-feil">{error}</ValidationMessage> : null}
      </div>
      <div>
        <SubmitButton>Last opp avtalen</SubmitButton>
      </div>
    </form>
  );
}
