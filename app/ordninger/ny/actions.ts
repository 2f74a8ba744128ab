"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function createArrangementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("createArrangement", formData);
}
