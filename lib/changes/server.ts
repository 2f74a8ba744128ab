import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/actor";
import { kickOutbox } from "@/lib/mail/worker";
import { formToObject, type FormState, toFormState } from "./form.ts";
import { MUTATIONS, type MutationName } from "./index.ts";

interface RunOptions {
  /** Values set by the server (e.g. the client's IP); they override anything posted. */
  serverValues?: Record<string, string | null>;
  /**
   * false for account changes, which show on no page: re-rendering the current page would end it
   * (a password change ends the session the page was rendered for; a used link reads as invalid).
   */
  revalidate?: boolean;
}

/**
 * The body of every server action: the logged-in actor (from the database), the form as an object,
 * one mutation from the registry. Applied changes invalidate every cached page so public pages and
 * statistics show them on the next request, and wake the outbox so mails written by the change go out now.
 */
export async function runFormMutation(name: MutationName, formData: FormData, options: RunOptions = {}): Promise<FormState> {
  const values = formToObject(formData);
  const result = await MUTATIONS[name](await currentActor(), { ...values, ...options.serverValues });
  if (result.ok) {
    if (options.revalidate !== false) revalidatePath("/", "layout");
    kickOutbox();
  }
  return toFormState(result, values);
}

/**
 * The same for a form with one file input: the file goes to the mutation as { name, type, bytes }
 * (the mutation checks size and content); it is never echoed back in the form state.
 */
export async function runUploadMutation(name: MutationName, formData: FormData, fileField: string): Promise<FormState> {
  const values = formToObject(formData);
  const entry = formData instanceof FormData ? formData.get(fileField) : null;
  const file =
    entry instanceof Blob && entry.size > 0 ? { name: "name" in entry && typeof entry.name === "string" ? entry.name : "", type: entry.type, bytes: new Uint8Array(await entry.arrayBuffer()) } : null;
  const result = await MUTATIONS[name](await currentActor(), { ...values, [fileField]: file });
  if (result.ok) revalidatePath("/", "layout");
  return toFormState(result, values);
}
