"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("createUser", formData);
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("updateUser", formData);
}

export async function setUserActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setUserActive", formData);
}

export async function sendAccountLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("sendAccountLink", formData);
}

export async function endUserSessionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("endUserSessions", formData);
}
