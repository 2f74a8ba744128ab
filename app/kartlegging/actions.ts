"use server";

import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function openSurveyRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("openSurveyRound", formData);
}

export async function confirmSurveyOverviewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("confirmSurveyOverview", formData);
}

export async function remindSurveyRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("remindSurveyRound", formData);
}

export async function closeSurveyRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("closeSurveyRound", formData);
}
