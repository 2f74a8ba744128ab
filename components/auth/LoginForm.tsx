"use client";

import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { signIn } from "next-auth/react";
import { useState } from "react";

const MESSAGES: Record<string, string> = {
  RATE_LIMITED: "For mange innloggingsforsøk. Vent 15 minutter og prøv igjen.",
  INVALID: "Feil e-postadresse eller passord.",
  CredentialsSignin: "Feil e-postadresse eller passord.",
  "ukjent-konto": "Kontoen din er ikke registrert eller er deaktivert. Kontakt Statsforvalteren.",
};

/** `returnTo` is an already checked local path (lib/auth/page.ts safeReturnPath), or "" for the user's landing page. */
export function LoginForm({ returnTo, entraId, initialError }: { returnTo: string; entraId: boolean; initialError?: string }) {
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? "Innloggingen mislyktes. Prøv igjen.") : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
    setPending(false);
    if (!result || result.error || !result.ok) {
      setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.INVALID!);
      return;
    }
    // A full page load: the server renders the target with the new session (and the header with the
    // user's menu). Without a return path, /logg-inn itself sends the user on to their landing page.
    window.location.replace(returnTo || "/logg-inn");
  }

  return (
    <div className="stack narrow">
      <form onSubmit={onSubmit} className="stack" noValidate>
        {error ? (
          <Alert data-color="danger" role="alert" data-testid="innlogging-feil">
            <Paragraph>{error}</Paragraph>
          </Alert>
        ) : null}
        <Textfield label="E-postadresse" name="email" type="email" autoComplete="username" required />
        <Textfield label="Passord" name="password" type="password" autoComplete="current-password" required />
        <div>
          <Button type="submit" loading={pending} aria-disabled={pending}>
            Logg inn
          </Button>
        </div>
      </form>
      {entraId ? (
        <div>
          <Button variant="secondary" onClick={() => void signIn("entra-id", { callbackUrl: returnTo || "/logg-inn" })}>
            Logg inn med Microsoft (Entra ID)
          </Button>
        </div>
      ) : null}
    </div>
  );
}
