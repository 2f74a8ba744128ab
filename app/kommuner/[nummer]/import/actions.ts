"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/actor";
import { formToObject } from "@/lib/changes/form";
import { MUTATIONS } from "@/lib/changes";
import { importOutcomeLinks, previewImport } from "@/lib/import/mutation";
import type { ImportState } from "@/lib/import/state";

/**
 * Preview (intent=forhandsvis) or confirm a kartleggingsfil import. The file is sent both times and
 * read on the server both times; nothing from the preview is trusted.
 */
export async function importSpreadsheetAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const values: Record<string, unknown> = formToObject(formData);
  const upload = formData instanceof FormData ? formData.get("fil") : null;
  if (upload instanceof File && upload.size > 0) {
    values.file = Buffer.from(await upload.arrayBuffer()).toString("base64");
    values.fileName = upload.name;
  }
  const actor = await currentActor();
  const submittedAt = Date.now();
  if (values.intent === "forhandsvis") {
    const preview = await previewImport(actor, values);
    if (!preview.ok) return { ok: false, kind: preview.kind, message: preview.message, submittedAt };
    return { ok: true, preview: preview.plan, fileName: preview.fileName, submittedAt };
  }
  const result = await MUTATIONS.importSpreadsheet(actor, values);
  if (!result.ok) {
    // A stale or faulty confirmation gets the preview as it is now, so the user sees why.
    const again = result.kind === "conflict" || result.kind === "validation" ? await previewImport(actor, values) : null;
    return { ok: false, kind: result.kind, message: result.message, preview: again?.ok ? again.plan : undefined, submittedAt };
  }
  revalidatePath("/", "layout");
  return { ok: true, outcome: result.outcome, message: result.message, links: await importOutcomeLinks(result), submittedAt };
}
