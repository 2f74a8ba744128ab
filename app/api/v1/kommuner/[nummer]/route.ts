import { publicUrl } from "@/lib/config/public-url";
import { decodePathSegment } from "@/lib/http/path-segment";
import { notFound, ok } from "@/lib/api/responses";
import { apiPathRoute, apiPreflight } from "@/lib/api/route";
import { arrangementToApi } from "@/lib/arrangements/api";
import { qualityFindingsByArrangement } from "@/lib/quality/load";
import { findMunicipality, municipalityDetail } from "@/lib/municipalities";

export const dynamic = "force-dynamic";

/** GET /api/v1/kommuner/{nummer}: current or earlier code (earlier codes redirect) or the id (slug). */
export const GET = apiPathRoute<{ nummer: string }>(async ({ params: { nummer } }) => {
  const found = await findMunicipality(decodePathSegment(nummer));
  if (found.kind === "missing") return notFound(`Fant ingen kommune med nummer eller id «${nummer}»`);
  if (!found.isCanonical) return Response.redirect(publicUrl(`/api/v1/kommuner/${found.canonical}`), 308);
  const m = await municipalityDetail(found.id);
  const findings = await qualityFindingsByArrangement(m.groups.flatMap((g) => g.rows.map((r) => r.id)));
  return ok({
    kommunenummer: m.currentCode,
    kommunenummer2021: m.code2021,
    kommunenummerHistorikk: m.codes.map((c) => ({ kommunenummer: c.code, fra: c.validFrom, til: c.validTo })),
    id: m.slug,
    navn: m.name,
    kartlagt2021: m.inSurveyScope,
    region: m.region ? { id: m.region.slug, navn: m.region.name } : null,
    fylke: m.county,
    innbyggere2021: m.population2021,
    dato: m.date,
    nokkeltall: m.keyFigures.map((f) => ({ navn: f.label, rapport2021: f.printed, registeret20211101: f.atSurveyDate, registeretNaa: f.now, forklaring: f.explanation })),
    ordninger: m.groups.flatMap((g) => g.rows.map((r) => ({ ...arrangementToApi(r, findings.get(r.id)), vertskommuneRolle: r.host?.id === m.id }))),
  });
});

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
