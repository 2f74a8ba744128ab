import { publicUrl } from "@/lib/config/public-url";
import { decodePathSegment } from "@/lib/http/path-segment";
import { notFound, ok } from "@/lib/api/responses";
import { apiPathRoute, apiPreflight } from "@/lib/api/route";
import { arrangementToApi } from "@/lib/arrangements/api";
import { findArrangement } from "@/lib/arrangements/detail";

export const dynamic = "force-dynamic";

/** GET /api/v1/ordninger/{id}: id is the slug (a numeric id answers with a redirect to the slug). */
export const GET = apiPathRoute<{ id: string }>(async ({ params: { id } }) => {
  const result = await findArrangement(decodePathSegment(id));
  if (result.kind === "redirect") return Response.redirect(publicUrl(`/api/v1/ordninger/${result.slug}`), 308);
  if (result.kind === "missing") return notFound(`Fant ingen samarbeidsordning med id «${id}»`);
  const d = result.detail;
  return ok({
    ...arrangementToApi(d.row, d.quality),
    beskrivelse: d.row.description,
    organisasjonsnummer: d.orgNr,
    merknader: d.notes,
    samarbeidsavtale: {
      inngaatt: d.agreement.date,
      revidert: d.agreement.revisedDate,
      lenke: d.agreement.url,
      pdf: d.agreement.file ? { filnavn: d.agreement.file.fileName, storrelse: d.agreement.file.size, sha256: d.agreement.file.sha256, lenke: `/ordninger/${d.row.slug}/avtale` } : null,
    },
    juridiskForm: d.legalForm ? { kode: d.legalForm.code, navn: d.legalForm.name, hjemmel: d.legalForm.legalBasis, utledet: d.row.legalForm?.inferred ?? false } : null,
    deltakerhistorikk: d.participations.map((p) => ({
      kommunenummer: p.municipality.code,
      navn: p.municipality.name,
      rolle: p.role,
      fra: p.joinedOn,
      til: p.leftOn,
      kilde: p.source,
    })),
    aarsverk: d.staffing.map((s) => ({ aar: s.year, aarsverk: s.fte, kilde: s.source })),
    kilder: d.provenance.map((p) => ({ felt: p.field, kilde: p.source, utledet: p.inferred, merknad: p.note })),
  });
});

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
