import { ok } from "@/lib/api/responses";
import { apiRoute, apiPreflight } from "@/lib/api/route";
import { listMunicipalities } from "@/lib/municipalities";

export const dynamic = "force-dynamic";

/** GET /api/v1/kommuner: every municipality with today's counts; the 25 surveyed first. */
export const GET = apiRoute(async () => {
  const rows = await listMunicipalities();
  return ok({
    antallTotalt: rows.length,
    kommuner: rows.map((m) => ({
      kommunenummer: m.currentCode,
      kommunenummer2021: m.code2021,
      id: m.slug,
      navn: m.name,
      kartlagt2021: m.inSurveyScope,
      region: m.region ? { id: m.region.slug, navn: m.region.name } : null,
      fylke: m.county,
      antallOrdninger: m.counts.total,
      vertskommuneFor: m.counts.hosts,
      bistandFraAndre: m.counts.assisted,
      lenke: `/kommuner/${m.currentCode ?? m.slug}`,
    })),
  });
});

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
