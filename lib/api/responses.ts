import { CORS_HEADERS } from "./http";
import type { z } from "zod";

/** One entry of a 400 answer's `detaljer`: which parameter, and what is wrong with it. */
export interface ErrorDetail {
  felt: string;
  melding: string;
}

/** zod issues as `detaljer` entries (the parameter is the first element of the path). */
export function issueDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((i) => ({ felt: i.path.join("."), melding: i.message }));
}

/** JSON responses for the open API: Norwegian error messages, never a stack trace. */
export function badRequest(message: string, details?: ErrorDetail[] | z.core.$ZodIssue[]) {
  const detaljer = details?.map((d) => ("path" in d ? { felt: d.path.join("."), melding: d.message } : d));
  return Response.json({ feil: message, ...(detaljer ? { detaljer } : {}) }, { status: 400, headers: corsHeaders });
}

export function notFound(message: string) {
  return Response.json({ feil: message }, { status: 404, headers: corsHeaders });
}

export function ok(body: unknown) {
  return Response.json(body, { headers: { ...corsHeaders, "Cache-Control": "no-store" } });
}

export const corsHeaders = CORS_HEADERS;
