"use client";

import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/changes/form";

export type ServerAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export function useMutationForm(action: ServerAction) {
  return useActionState(action, {} as FormState);
}

/** The first error of a field, for a component's `error` prop. */
export function fieldError(state: FormState, field: string): string | undefined {
  return state.errors?.[field]?.[0];
}

/** The submitted value after an error (so nothing typed is lost), else the default. */
export function valueOf(state: FormState, field: string, fallback: string | number | null | undefined): string {
  const submitted = state.ok === false ? state.values?.[field] : undefined;
  if (typeof submitted === "string") return submitted;
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

export function SubmitButton({
  children,
  variant = "primary",
  ...rest
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "tertiary";
  "data-color"?: "danger" | "accent" | "neutral";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} aria-disabled={pending} loading={pending} {...rest}>
      {children}
    </Button>
  );
}

/** Success or failure message of the last submission, announced to screen readers. */
export function FormFeedback({ state, successLink }: { state: FormState; successLink?: { href: string; label: string } }) {
  if (!state.message) return null;
  const color = state.ok ? "success" : state.kind === "conflict" ? "warning" : "danger";
  return (
    <Alert data-color={color} role={state.ok ? "status" : "alert"} data-testid="skjema-melding">
      <Paragraph>{state.message}</Paragraph>
      {state.ok && successLink ? (
        <Paragraph>
          <NextLink href={successLink.href} className="ds-link">
            {successLink.label}
          </NextLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
