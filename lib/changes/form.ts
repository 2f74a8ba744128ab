import type { FieldErrors, MutationResult } from "./result.ts";

/** State a server action hands to useActionState. `values` refills the form after an error. */
export interface FormState {
  ok?: boolean;
  outcome?: "applied" | "proposed" | "done";
  kind?: string;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string | string[] | boolean>;
  arrangementId?: number;
  changeRequestId?: number;
  userId?: number;
  /** A one-time account link for the admin to pass on (only without SMTP). */
  accountLink?: string;
  auditEventId?: number;
  roundId?: number;
  /** Changes on every submission, so forms can re-mount with fresh defaults. */
  submittedAt?: number;
}

/**
 * FormData → plain object for the zod schemas. Keys listed in the hidden `_fields` input are
 * normalised when absent: `…Ids` become [] (no checkbox ticked), others false (checkbox unticked).
 * Keys ending in `Ids` are always arrays. Next's internal `$ACTION…` keys are dropped.
 */
export function formToObject(formData: FormData): Record<string, string | string[] | boolean> {
  // A forged action call can decode to any value (a string, a number, nothing): that is an empty form.
  if (!(formData instanceof FormData)) return {};
  const out: Record<string, string | string[] | boolean> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$") || key === "_fields") continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key.endsWith("Ids") ? values : (values[0] ?? "");
  }
  const declared = String(formData.get("_fields") ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  for (const field of declared) {
    if (field.endsWith("Ids")) out[field] ??= [];
    else out[field] = formData.has(field) && formData.get(field) !== "false";
  }
  return out;
}

export function toFormState(result: MutationResult, values: Record<string, string | string[] | boolean>): FormState {
  const submittedAt = Date.now();
  if (result.ok) {
    const { ok, outcome, message, arrangementId, changeRequestId, userId, accountLink, auditEventId, roundId } = result;
    return { ok, outcome, message, arrangementId, changeRequestId, userId, auditEventId, roundId, ...(accountLink ? { accountLink } : {}), submittedAt };
  }
  const safeValues = Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
  return { ok: false, kind: result.kind, message: result.message, errors: result.errors, values: safeValues, submittedAt };
}
