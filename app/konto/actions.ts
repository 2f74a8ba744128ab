"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import type { FormState } from "@/lib/changes/form";
import { runFormMutation } from "@/lib/changes/server";

export async function changeOwnPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("changeOwnPassword", formData, { revalidate: false });
}

export async function setPasswordWithLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormMutation("setPasswordWithLink", formData, { revalidate: false });
}

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The rate limit's IP is the trusted client address, whatever the form says.
  return runFormMutation("requestPasswordReset", formData, { serverValues: { ip: clientIp(await headers()) }, revalidate: false });
}
