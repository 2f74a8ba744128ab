"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function approveChangeRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("approveChangeRequest", formData);
}

export async function rejectChangeRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("rejectChangeRequest", formData);
}

export async function returnChangeRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("returnChangeRequest", formData);
}

export async function withdrawChangeRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("withdrawChangeRequest", formData);
}

export async function commentOnChangeRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("commentOnChangeRequest", formData);
}
