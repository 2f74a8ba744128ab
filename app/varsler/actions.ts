"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function markNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("markNotificationsRead", formData);
}

export async function setProposalMailPreferenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setProposalMailPreference", formData);
}
