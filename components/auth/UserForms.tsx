"use client";

import { Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { CheckboxGroup, SelectField } from "@/components/editing/fields";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "@/components/editing/form-kit";
import type { Option } from "@/lib/changes/queries";
import { USER_ROLES } from "@/lib/domain/roles";
import { AccountLinkNotice } from "./AccountLinkNotice";

const ROLES = USER_ROLES.map((r) => ({ id: r.id, name: r.label }));

interface UserValues {
  id: number;
  name: string;
  email: string;
  role: string;
  municipalityIds: number[];
}

export function UserForm({ action, municipalities, user }: { action: ServerAction; municipalities: Option[]; user?: UserValues }) {
  const [state, formAction] = useMutationForm(action);
  const submitted = state.ok === false ? state.values?.municipalityIds : undefined;
  const checked = new Set(Array.isArray(submitted) ? submitted : (user?.municipalityIds ?? []).map(String));
  return (
    <form action={formAction} className="stack" key={state.ok ? `ok-${state.submittedAt}` : `form-${state.submittedAt ?? 0}`} noValidate>
      <input type="hidden" name="_fields" value="municipalityIds" />
      {user ? <input type="hidden" name="userId" value={user.id} /> : null}
      <FormFeedback state={state} successLink={!user && state.ok && state.userId ? { href: `/admin/brukere/${state.userId}`, label: "Åpne brukeren" } : undefined} />
      <AccountLinkNotice state={state} />
      <Textfield label="Navn" name="name" defaultValue={state.ok && !user ? "" : valueOf(state, "name", user?.name)} error={fieldError(state, "name")} />
      {user ? null : <Textfield label="E-postadresse" name="email" type="email" defaultValue={state.ok ? "" : valueOf(state, "email", "")} error={fieldError(state, "email")} />}
      <SelectField label="Rolle" name="role" options={ROLES} defaultValue={state.ok && !user ? "KOMMUNE" : valueOf(state, "role", user?.role ?? "KOMMUNE")} error={fieldError(state, "role")} />
      <CheckboxGroup
        legend="Kommuner (for rollen Kommune)"
        name="municipalityIds"
        options={municipalities}
        checked={state.ok && !user ? new Set() : checked}
        error={fieldError(state, "municipalityIds")}
      />
      {user ? null : <Paragraph data-size="sm">Personen får en invitasjon på e-post og velger sitt eget passord. Lenken er gyldig i 72 timer.</Paragraph>}
      <div>
        <SubmitButton>{user ? "Lagre brukeren" : "Opprett brukeren"}</SubmitButton>
      </div>
    </form>
  );
}

export function ActiveForm({ action, userId, active }: { action: ServerAction; userId: number; active: boolean }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <Heading level={2} data-size="sm">
        {active ? "Deaktiver" : "Aktiver"}
      </Heading>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary" data-color={active ? "danger" : "accent"}>
          {active ? "Deaktiver brukeren" : "Aktiver brukeren igjen"}
        </SubmitButton>
      </div>
    </form>
  );
}

/** A new invitation or password link for an existing user (spends older links). */
export function AccountLinkForm({ action, userId, invite }: { action: ServerAction; userId: number; invite: boolean }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack" key={state.submittedAt ?? 0}>
      <Heading level={2} data-size="sm">
        {invite ? "Invitasjon" : "Nytt passord"}
      </Heading>
      <Paragraph data-size="sm">
        {invite
          ? "Brukeren har ikke valgt passord ennå. Send en ny invitasjon hvis den forrige er utløpt eller borte (gyldig i 72 timer)."
          : "Send brukeren en lenke for å velge nytt passord selv (gyldig i 24 timer). Administratoren ser aldri passordet."}
      </Paragraph>
      <input type="hidden" name="userId" value={userId} />
      <FormFeedback state={state} />
      <AccountLinkNotice state={state} />
      <div>
        <SubmitButton variant="secondary">{invite ? "Send ny invitasjon" : "Send lenke for nytt passord"}</SubmitButton>
      </div>
    </form>
  );
}

/** «Logg ut overalt» for another user (session version). */
export function EndSessionsForm({ action, userId }: { action: ServerAction; userId: number }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack">
      <Heading level={2} data-size="sm">
        Innlogginger
      </Heading>
      <Paragraph data-size="sm">Logger brukeren ut på alle enheter med en gang, for eksempel hvis en PC er mistet. Passordet beholdes.</Paragraph>
      <input type="hidden" name="userId" value={userId} />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary">Logg ut overalt</SubmitButton>
      </div>
    </form>
  );
}
