import type { z } from "zod";

/** JSON responses for the open API: Norwegian error messages, never a stack trace. */
export function badRequest(message: string, issues?: z.core.$ZodIssue[]) {
  return Response.json(
    { feil: message, ...(issues ? { detaljer: issues.map((i) => ({ felt: i.path.join("."), melding: i.message })) } : {}) },
    { status: 400, headers: corsHeaders },
  );
}

export function notFound(message: string) {
  return Response.json({ feil: message }, { status: 404, headers: corsHeaders });
}

export function ok(body: unknown) {
  return Response.json(body, { headers: { ...corsHeaders, "Cache-Control": "no-store" } });
}

export const corsHeaders = { "Access-Control-Allow-Origin": "*" };
