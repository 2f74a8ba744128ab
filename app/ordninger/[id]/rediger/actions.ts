"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation, runUploadMutation } from "@/lib/changes/server";

export async function updateArrangementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("updateArrangement", formData);
}

export async function addParticipantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("addParticipant", formData);
}

export async function removeParticipantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("removeParticipant", formData);
}

export async function setHostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setHost", formData);
}

export async function recordStaffingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("recordStaffing", formData);
}

export async function endArrangementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("endArrangement", formData);
}

export async function setAgreementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setAgreement", formData);
}

export async function uploadAgreementFileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runUploadMutation("uploadAgreementFile", formData, "file");
}
