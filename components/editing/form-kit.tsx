"use client";

import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
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

/** A proposal sent back to its proposer, being revised: the request and its proposed values (form field → value). */
export interface Revision {
  changeRequestId: number;
  values: Record<string, string>;
}

/** The default of a field: the revised proposal's value when revising, else the stored one. */
export function initialOf(revise: Revision | undefined, field: string, fallback: string | number | null | undefined): string | number | null | undefined {
  return revise && field in revise.values ? revise.values[field] : fallback;
}

/**
 * After a successful send or save, go to the receipt page, whose first thing is the outcome
 * (role=status, focused) and what was sent: the edit page's forms stay as they were, nothing typed
 * is lost on an error (the values come back in the state).
 */
export function useReceipt(state: FormState) {
  const router = useRouter();
  useEffect(() => {
    if (!state.ok) return;
    if (state.outcome === "proposed" && state.changeRequestId) router.push(`/endringsforslag/${state.changeRequestId}/sendt`);
    else if (state.outcome === "applied" && state.arrangementId && state.auditEventId) router.push(`/ordninger/${state.arrangementId}/lagret?hendelse=${state.auditEventId}`);
  }, [state, router]);
}

/** What a proposing form sends besides its fields: a justification, and the request being revised. */
export function ProposalExtras({ proposes, revise, state }: { proposes: boolean; revise?: Revision; state: FormState }) {
  if (!proposes) return null;
  return (
    <>
      {revise ? <input type="hidden" name="changeRequestId" value={revise.changeRequestId} /> : null}
      <Textfield
        label={revise ? "Hva har du endret? (valgfritt)" : "Begrunnelse til Statsforvalteren (valgfritt)"}
        description="Vises bare for Statsforvalteren og kommunen, aldri offentlig."
        name="justification"
        multiline
        rows={2}
        defaultValue={valueOf(state, "justification", "")}
        error={fieldError(state, "justification")}
      />
    </>
  );
}
