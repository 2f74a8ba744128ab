"use client";

import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { EditableArrangement } from "@/lib/changes/queries";
import { isParticipationCurrentOrUpcoming } from "@/lib/domain/activity";
import { type MunicipalityValidity, municipalitiesForParticipation } from "@/lib/domain/municipalities";
import { PARTICIPATION_ROLE_LABELS, PARTICIPATION_ROLES, type ParticipationRoleName } from "@/lib/domain/roles";
import { currentYearInNorway, todayInNorway } from "@/lib/domain/today";
import { formatNumber, formatShortDate } from "@/lib/format";
import { SelectField } from "./fields";
import { MunicipalityPicker } from "./MunicipalityPicker";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "./form-kit";

const ROLE_OPTIONS = PARTICIPATION_ROLES.map((r) => ({ id: r.id, name: r.label }));

function Hidden({ arrangementId, version }: { arrangementId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <input type="hidden" name="baseVersion" value={version} />
    </>
  );
}

const submitLabel = (proposes: boolean, label: string) => (proposes ? `Foreslå: ${label.toLowerCase()}` : label);

export function RemoveParticipantForm({
  action,
  arrangementId,
  version,
  participation,
  proposes,
}: {
  action: ServerAction;
  arrangementId: number;
  version: number;
  participation: EditableArrangement["participants"][number];
  proposes: boolean;
}) {
  const [state, formAction] = useMutationForm(action);
  const today = todayInNorway();
  return (
    <form action={formAction} className="inline-form" key={`${version}-${state.submittedAt ?? 0}`} aria-label={`Meld ut ${participation.name}`}>
      <Hidden arrangementId={arrangementId} version={version} />
      <input type="hidden" name="participationId" value={participation.id} />
      <Textfield
        label={`Utmeldt fra (${participation.name})`}
        name="leftOn"
        type="date"
        defaultValue={valueOf(state, "leftOn", today)}
        error={fieldError(state, "leftOn") ?? fieldError(state, "participationId")}
        data-size="sm"
      />
      <SubmitButton variant="secondary">{submitLabel(proposes, `Meld ut ${participation.name}`)}</SubmitButton>
      <FormFeedback state={state} />
    </form>
  );
}

export function ParticipantsSection({
  action,
  removeAction,
  arrangement,
  municipalities,
  proposes,
}: {
  action: ServerAction;
  removeAction: ServerAction;
  arrangement: EditableArrangement;
  municipalities: MunicipalityValidity[];
  proposes: boolean;
}) {
  const [state, formAction] = useMutationForm(action);
  const { snapshot, participants } = arrangement;
  const today = todayInNorway();
  // The change pipeline's participants (lib/changes/snapshot.ts activeParticipants): not left by today.
  const active = new Set(participants.filter((p) => isParticipationCurrentOrUpcoming(p, today)).map((p) => p.municipalityId));
  // Offered: the municipalities that exist from the chosen start date until today (Hurum, merged into Asker in 2020, is not).
  // The date typed since the last submission (the form re-mounts with the submitted values after each one).
  const [typed, setTyped] = useState<{ at: number | undefined; value: string | null }>({ at: state.submittedAt, value: null });
  const joinedOn = typed.at === state.submittedAt && typed.value !== null ? typed.value : valueOf(state, "joinedOn", "");
  const startDate = /^\d{4}-\d{2}-\d{2}$/.test(joinedOn) ? joinedOn : null;
  const addable = municipalitiesForParticipation(municipalities, { joinedOn: startDate, leftOn: null }, today, active);
  return (
    <section aria-labelledby="deltakere" className="stack">
      <Heading level={2} data-size="md" id="deltakere">
        Deltakerkommuner
      </Heading>
      <Table data-testid="deltakere">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Kommune</TableHeaderCell>
            <TableHeaderCell>Rolle</TableHeaderCell>
            <TableHeaderCell>Med fra</TableHeaderCell>
            <TableHeaderCell>Gikk ut</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {participants.map((p) => (
            <TableRow key={p.id}>
              <TableCell>
                {p.name}
                {p.municipalityId === snapshot.hostMunicipalityId ? " (vertskommune)" : ""}
              </TableCell>
              <TableCell>{PARTICIPATION_ROLE_LABELS[p.role as ParticipationRoleName] ?? p.role}</TableCell>
              <TableCell>{p.joinedOn ? formatShortDate(p.joinedOn) : "–"}</TableCell>
              <TableCell>{p.leftOn ? formatShortDate(p.leftOn) : "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <details className="edit-details">
        <summary>Meld ut en deltakerkommune</summary>
        <div className="stack">
          {participants
            .filter((p) => !p.leftOn && p.municipalityId !== snapshot.hostMunicipalityId)
            .map((p) => (
              <RemoveParticipantForm key={p.id} action={removeAction} arrangementId={snapshot.id!} version={snapshot.version} participation={p} proposes={proposes} />
            ))}
        </div>
      </details>
      <form action={formAction} className="stack" key={`${snapshot.version}-${state.submittedAt ?? 0}`} aria-labelledby="legg-til-deltaker">
        <Heading level={3} data-size="xs" id="legg-til-deltaker">
          Legg til deltakerkommune
        </Heading>
        <Hidden arrangementId={snapshot.id!} version={snapshot.version} />
        <FormFeedback state={state} successLink={proposes && state.ok ? { href: "/mine-forslag", label: "Se forslagene dine" } : undefined} />
        <Textfield
          label="Med fra (valgfritt)"
          description="Tom dato: deltar i dag, startdato ukjent"
          name="joinedOn"
          type="date"
          defaultValue={valueOf(state, "joinedOn", "")}
          onChange={(event) => setTyped({ at: state.submittedAt, value: event.currentTarget.value })}
          error={fieldError(state, "joinedOn")}
        />
        <MunicipalityPicker
          label="Kommune"
          description="Skriv for å søke. Bare kommuner som finnes fra startdatoen og fram til i dag, vises."
          name="municipalityId"
          choices={addable}
          defaultValue={valueOf(state, "municipalityId", "")}
          error={fieldError(state, "municipalityId")}
        />
        <SelectField label="Rolle" name="role" options={ROLE_OPTIONS} defaultValue={valueOf(state, "role", "MEMBER")} error={fieldError(state, "role")} />
        <div>
          <SubmitButton>{submitLabel(proposes, "Legg til deltaker")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

export function HostForm({ action, arrangement, proposes }: { action: ServerAction; arrangement: EditableArrangement; proposes: boolean }) {
  const [state, formAction] = useMutationForm(action);
  const { snapshot, participants } = arrangement;
  const today = todayInNorway();
  const options = participants.filter((p) => isParticipationCurrentOrUpcoming(p, today)).map((p) => ({ id: p.municipalityId, name: p.name }));
  return (
    <form action={formAction} className="stack" key={`${snapshot.version}-${state.submittedAt ?? 0}`} aria-labelledby="vertskommune">
      <Heading level={2} data-size="md" id="vertskommune">
        Vertskommune
      </Heading>
      <Hidden arrangementId={snapshot.id!} version={snapshot.version} />
      <FormFeedback state={state} successLink={proposes && state.ok ? { href: "/mine-forslag", label: "Se forslagene dine" } : undefined} />
      <SelectField
        label="Vertskommune"
        description="Må være en av deltakerkommunene."
        name="hostMunicipalityId"
        options={options}
        defaultValue={valueOf(state, "hostMunicipalityId", snapshot.hostMunicipalityId)}
        error={fieldError(state, "hostMunicipalityId")}
        emptyLabel="Ingen vertskommune"
      />
      <div>
        <SubmitButton>{submitLabel(proposes, "Lagre vertskommune")}</SubmitButton>
      </div>
    </form>
  );
}

export function StaffingForm({ action, arrangement, proposes }: { action: ServerAction; arrangement: EditableArrangement; proposes: boolean }) {
  const [state, formAction] = useMutationForm(action);
  const { snapshot } = arrangement;
  return (
    <form action={formAction} className="stack" key={`${snapshot.version}-${state.submittedAt ?? 0}`} aria-labelledby="arsverk">
      <Heading level={2} data-size="md" id="arsverk">
        Årsverk
      </Heading>
      {snapshot.staffing.length ? (
        <Paragraph>Registrert: {snapshot.staffing.map((s) => `${s.year}: ${formatNumber(s.fte)}`).join("; ")}.</Paragraph>
      ) : (
        <Paragraph>Ingen årsverk er registrert.</Paragraph>
      )}
      <Hidden arrangementId={snapshot.id!} version={snapshot.version} />
      <FormFeedback state={state} />
      <Textfield label="År" name="year" inputMode="numeric" defaultValue={valueOf(state, "year", currentYearInNorway())} error={fieldError(state, "year")} />
      <Textfield label="Årsverk" description="For eksempel 4,5" name="fte" inputMode="decimal" defaultValue={valueOf(state, "fte", "")} error={fieldError(state, "fte")} />
      <Textfield label="Kilde (valgfritt)" name="source" defaultValue={valueOf(state, "source", "")} error={fieldError(state, "source")} />
      <div>
        <SubmitButton>{submitLabel(proposes, "Registrer årsverk")}</SubmitButton>
      </div>
    </form>
  );
}

export function EndForm({ action, arrangement, proposes }: { action: ServerAction; arrangement: EditableArrangement; proposes: boolean }) {
  const [state, formAction] = useMutationForm(action);
  const { snapshot } = arrangement;
  if (snapshot.endDate) {
    return (
      <section aria-labelledby="avslutt" className="stack">
        <Heading level={2} data-size="md" id="avslutt">
          Avsluttet
        </Heading>
        <Paragraph>
          Ordningen ble avsluttet {formatShortDate(snapshot.endDate)}
          {snapshot.endReason ? `: ${snapshot.endReason}` : "."}
        </Paragraph>
      </section>
    );
  }
  return (
    <form action={formAction} className="stack" key={`${snapshot.version}-${state.submittedAt ?? 0}`} aria-labelledby="avslutt">
      <Heading level={2} data-size="md" id="avslutt">
        Avslutt ordningen
      </Heading>
      <Paragraph>Ordningen blir stående i registeret og historikken, merket som avsluttet.</Paragraph>
      <Hidden arrangementId={snapshot.id!} version={snapshot.version} />
      <FormFeedback state={state} />
      <Textfield label="Sluttdato" name="endDate" type="date" defaultValue={valueOf(state, "endDate", "")} error={fieldError(state, "endDate")} />
      <Textfield label="Grunn" name="endReason" multiline rows={2} defaultValue={valueOf(state, "endReason", "")} error={fieldError(state, "endReason")} />
      <div>
        <SubmitButton variant="secondary" data-color="danger">
          {submitLabel(proposes, "Avslutt ordningen")}
        </SubmitButton>
      </div>
    </form>
  );
}
