"use client";

import { Alert, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { signIn, signOut } from "next-auth/react";
import NextLink from "next/link";
import { useEffect, useRef, useState } from "react";
import { fieldError, FormFeedback, type ServerAction, SubmitButton, useMutationForm, valueOf } from "@/components/editing/form-kit";

const NEW_PASSWORD_HINT = "Minst 12 tegn. En setning du husker, er et godt passord.";

/** Self-service password change. Every session ends; this browser logs in again with the new password. */
export function ChangePasswordForm({ action, email }: { action: ServerAction; email: string }) {
  const [state, formAction] = useMutationForm(action);
  const typed = useRef("");
  const [relogin, setRelogin] = useState<"ok" | "failed" | null>(null);
  useEffect(() => {
    if (!state.ok || !typed.current) return;
    const password = typed.current;
    typed.current = "";
    void signIn("credentials", { email, password, redirect: false }).then((result) => setRelogin(result?.ok && !result.error ? "ok" : "failed"));
  }, [state, email]);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        setRelogin(null);
        typed.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="stack"
      key={state.submittedAt ?? 0}
      noValidate
    >
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormFeedback state={state} />
      {relogin === "ok" ? (
        <Paragraph role="status" data-testid="logget-inn-igjen">
          Du er logget inn igjen her med det nye passordet. Andre steder må du logge inn på nytt.
        </Paragraph>
      ) : relogin === "failed" ? (
        <Paragraph role="status">
          <NextLink href="/logg-inn?callbackUrl=%2Fkonto" className="ds-link">
            Logg inn igjen med det nye passordet
          </NextLink>
        </Paragraph>
      ) : null}
      <Textfield label="Nåværende passord" name="currentPassword" type="password" autoComplete="current-password" error={fieldError(state, "currentPassword")} />
      <Textfield label="Nytt passord" description={NEW_PASSWORD_HINT} name="password" type="password" autoComplete="new-password" error={fieldError(state, "password")} />
      <Textfield label="Gjenta det nye passordet" name="passwordRepeat" type="password" autoComplete="new-password" error={fieldError(state, "passwordRepeat")} />
      <div>
        <SubmitButton>Endre passord</SubmitButton>
      </div>
    </form>
  );
}

/** «Logg ut overalt»: ends every session of one's own, then clears this browser's cookie. */
export function LogOutEverywhereForm({ action, userId }: { action: ServerAction; userId: number }) {
  const [state, formAction] = useMutationForm(action);
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: "/logg-inn?melding=utlogget-overalt" });
  }, [state]);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="userId" value={userId} />
      <FormFeedback state={state} />
      <div>
        <SubmitButton variant="secondary">Logg ut overalt</SubmitButton>
      </div>
    </form>
  );
}

/** Choosing a password through a one-time link (invitation or reset). */
export function SetPasswordForm({ action, token, email }: { action: ServerAction; token: string; email: string }) {
  const [state, formAction] = useMutationForm(action);
  if (state.ok) {
    return (
      <Alert data-color="success" role="status" data-testid="skjema-melding">
        <Paragraph>{state.message}</Paragraph>
        <Paragraph>
          <NextLink href="/logg-inn" className="ds-link">
            Logg inn
          </NextLink>
        </Paragraph>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="stack" key={state.submittedAt ?? 0} noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormFeedback state={state} />
      <Textfield label="Nytt passord" description={NEW_PASSWORD_HINT} name="password" type="password" autoComplete="new-password" error={fieldError(state, "password")} />
      <Textfield label="Gjenta passordet" name="passwordRepeat" type="password" autoComplete="new-password" error={fieldError(state, "passwordRepeat")} />
      <div>
        <SubmitButton>Lagre passordet</SubmitButton>
      </div>
    </form>
  );
}

/** «Glemt passord»: the same answer whether or not the account exists. */
export function ForgotPasswordForm({ action }: { action: ServerAction }) {
  const [state, formAction] = useMutationForm(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormFeedback state={state} />
      <Textfield label="E-postadresse" name="email" type="email" autoComplete="username" defaultValue={valueOf(state, "email", "")} error={fieldError(state, "email")} />
      <div>
        <SubmitButton>Send lenke</SubmitButton>
      </div>
    </form>
  );
}
