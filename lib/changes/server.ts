import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/actor";
import { kickOutbox } from "@/lib/mail/worker";
import { formToObject, type FormState, toFormState } from "./form.ts";
import { MUTATIONS, type MutationName } from "./index.ts";

/**
 * The body of every server action: the logged-in actor (from the database), the form as an object,
 * one mutation from the registry (`serverValues`, e.g. the client's IP, override anything posted).
 * Applied changes invalidate every cached page so public pages and statistics show them on the next
 * request, and wake the outbox so mails written by the change go out now.
 */
export async function runFormMutation(name: MutationName, formData: FormData, serverValues: Record<string, string | null> = {}): Promise<FormState> {
  const values = formToObject(formData);
  const result = await MUTATIONS[name](await currentActor(), { ...values, ...serverValues });
  if (result.ok) {
    revalidatePath("/", "layout");
    kickOutbox();
  }
  return toFormState(result, values);
}
