import { badRequest, corsHeaders, ok } from "@/lib/api/responses";
import { arrangementToApi } from "@/lib/arrangements/api";
import { parseArrangementFilters } from "@/lib/arrangements/filters";
import { listResolved, resolveArrangementFilters } from "@/lib/arrangements/list";

export const dynamic = "force-dynamic";

/** GET /api/v1/ordninger: the /ordninger filters as query parameters; documented in lib/openapi/registry.ts. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = parseArrangementFilters(params);
  if (!parsed.ok) return badRequest(parsed.message, parsed.issues);
  const resolved = await resolveArrangementFilters(parsed.filters);
  if (resolved.unknown.length) {
    return Response.json(
      { feil: `Ukjente verdier – ${resolved.unknown.map((u) => u.message).join("; ")}`, detaljer: resolved.unknown.map((u) => ({ felt: u.parameter, melding: u.message })) },
      { status: 400, headers: corsHeaders },
    );
  }
  const page = await listResolved(resolved);
  return ok({
    antallTotalt: page.total,
    side: page.page,
    antall: page.pageSize,
    antallSider: page.pageCount,
    dato: page.date,
    ordninger: page.rows.map(arrangementToApi),
  });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...corsHeaders, "Access-Control-Allow-Methods": "GET, OPTIONS" } });
}
