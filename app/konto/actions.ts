"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function changeOwnPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("changeOwnPassword", formData);
}

export async function setPasswordWithLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setPasswordWithLink", formData);
}

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The rate limit's IP is the trusted client address, whatever the form says.
  return runFormMutation("requestPasswordReset", formData, { ip: clientIp(await headers()) });
}
