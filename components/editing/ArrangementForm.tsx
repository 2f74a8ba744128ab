"use client";

import { Checkbox, Heading, Textfield } from "@digdir/designsystemet-react";
import type { FormOptions } from "@/lib/changes/queries";
import type { ArrangementSnapshot } from "@/lib/changes/snapshot";
import { CheckboxGroup, SelectField } from "./fields";
import { fieldError, FormFeedback, initialOf, ProposalExtras, type Revision, type ServerAction, SubmitButton, useMutationForm, useReceipt, valueOf } from "./form-kit";

interface Props {
  action: ServerAction;
  options: FormOptions;
  /** Absent when creating. */
  current?: ArrangementSnapshot;
  proposes: boolean;
  /** For a new arrangement: the editor's own municipalities, ticked by default. */
  defaultParticipants?: number[];
  /** Revising a proposal that was sent back (`current` then shows the proposed values). */
  revise?: Revision;
}

/** The arrangement's own fields: create (with participants and host) and edit. */
export function ArrangementForm({ action, options, current, proposes, defaultParticipants = [], revise }: Props) {
  const [state, formAction] = useMutationForm(action);
  useReceipt(state);
  const creating = !current;
  const arrayValue = (field: string, fallback: number[]) => {
    const submitted = state.ok === false ? state.values?.[field] : undefined;
    if (Array.isArray(submitted)) return new Set(submitted);
    const revised = revise?.values[field];
    return new Set(revised !== undefined ? revised.split(",").filter(Boolean) : fallback.map(String));
  };
  const checkedUnspecified =
    state.ok === false && state.values
      ? state.values.establishedUnspecified === true
      : revise && "establishedUnspecified" in revise.values
        ? revise.values.establishedUnspecified === "true"
        : Boolean(current?.establishedUnspecified);
  const surveyed = options.municipalities.filter((m) => m.inSurveyScope);

  return (
    <form action={formAction} className="stack" key={`${current?.version ?? "ny"}-${state.submittedAt ?? 0}`} noValidate>
      <input type="hidden" name="_fields" value={creating ? "taskAreaIds,participantIds,establishedUnspecified" : "taskAreaIds,establishedUnspecified"} />
      {current ? (
        <>
          <input type="hidden" name="arrangementId" value={current.id ?? ""} />
          <input type="hidden" name="baseVersion" value={current.version} />
        </>
      ) : null}
      <FormFeedback state={state} />
      <Textfield label="Navn" name="name" defaultValue={valueOf(state, "name", initialOf(revise, "name", current?.name))} error={fieldError(state, "name")} maxLength={200} required />
      <Textfield label="Kortnavn (valgfritt)" name="shortName" defaultValue={valueOf(state, "shortName", initialOf(revise, "shortName", current?.shortName))} error={fieldError(state, "shortName")} />
      <Textfield
        label="Beskrivelse (valgfritt)"
        name="description"
        multiline
        rows={4}
        defaultValue={valueOf(state, "description", initialOf(revise, "description", current?.description))}
        error={fieldError(state, "description")}
      />
      <SelectField
        label="Sektor"
        name="sectorId"
        options={options.sectors}
        defaultValue={valueOf(state, "sectorId", initialOf(revise, "sectorId", current?.sectorId))}
        error={fieldError(state, "sectorId")}
        emptyLabel="Velg sektor"
      />
      <SelectField
        label="Juridisk tilknytningsform"
        name="legalFormId"
        options={options.legalForms}
        defaultValue={valueOf(state, "legalFormId", initialOf(revise, "legalFormId", current?.legalFormId))}
        error={fieldError(state, "legalFormId")}
        emptyLabel="Ukjent"
      />
      <Textfield
        label="Etableringsår (valgfritt)"
        name="establishedYear"
        inputMode="numeric"
        defaultValue={valueOf(state, "establishedYear", initialOf(revise, "establishedYear", current?.establishedYear))}
        error={fieldError(state, "establishedYear")}
      />
      <Checkbox label="Etablert over lenger tid (uspesifisert år)" name="establishedUnspecified" value="true" defaultChecked={checkedUnspecified} />
      <Textfield
        label="Organisasjonsnummer (valgfritt)"
        description="9 siffer, fra Enhetsregisteret"
        name="orgNr"
        inputMode="numeric"
        defaultValue={valueOf(state, "orgNr", initialOf(revise, "orgNr", current?.orgNr))}
        error={fieldError(state, "orgNr")}
      />
      <CheckboxGroup legend="Oppgaveområder" name="taskAreaIds" options={options.taskAreas} checked={arrayValue("taskAreaIds", current?.taskAreaIds ?? [])} error={fieldError(state, "taskAreaIds")} />
      {creating ? (
        <>
          <Heading level={2} data-size="sm">
            Deltakere
          </Heading>
          <CheckboxGroup
            legend="Deltakerkommuner"
            description="De 25 kartlagte kommunene. Andre kommuner kan legges til etterpå, på redigeringssiden."
            name="participantIds"
            options={surveyed}
            checked={arrayValue("participantIds", defaultParticipants)}
            error={fieldError(state, "participantIds")}
          />
          <SelectField
            label="Vertskommune (valgfritt)"
            description="Må være en av deltakerkommunene."
            name="hostMunicipalityId"
            options={surveyed}
            defaultValue={valueOf(state, "hostMunicipalityId", initialOf(revise, "hostMunicipalityId", null))}
            error={fieldError(state, "hostMunicipalityId")}
            emptyLabel="Ingen vertskommune"
          />
          <Textfield
            label="Deltakelse fra (valgfritt)"
            description="åååå-mm-dd"
            name="joinedOn"
            type="date"
            defaultValue={valueOf(state, "joinedOn", initialOf(revise, "joinedOn", null))}
            error={fieldError(state, "joinedOn")}
          />
        </>
      ) : (
        <Textfield
          label="Merknader (valgfritt)"
          name="notes"
          multiline
          rows={3}
          defaultValue={valueOf(state, "notes", initialOf(revise, "notes", current?.notes))}
          error={fieldError(state, "notes")}
        />
      )}
      <ProposalExtras proposes={proposes} revise={revise} state={state} />
      <div>
        <SubmitButton>{revise ? "Send det endrede forslaget" : proposes ? "Send forslag til Statsforvalteren" : creating ? "Opprett ordningen" : "Lagre endringene"}</SubmitButton>
      </div>
    </form>
  );
}
