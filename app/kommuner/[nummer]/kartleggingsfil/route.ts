import { decodePathSegment } from "@/lib/http/path-segment";
import { publicUrl } from "@/lib/config/public-url";
import { downloadResponse, XLSX_CONTENT_TYPE } from "@/lib/export/response";
import { findMunicipality, municipalityDetail } from "@/lib/municipalities";
import { surveyFileXlsx } from "@/lib/municipalities/survey-file";

export const dynamic = "force-dynamic";

/** GET /kommuner/{nummer}/kartleggingsfil: the municipality's survey file as XLSX (old codes redirect). */
export async function GET(_request: Request, { params }: { params: Promise<{ nummer: string }> }) {
  const { nummer } = await params;
  const found = await findMunicipality(decodePathSegment(nummer));
  if (found.kind === "missing") {
    return new Response(`Fant ingen kommune med nummer eller navn «${nummer}».`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!found.isCanonical) return Response.redirect(publicUrl(`/kommuner/${found.canonical}/kartleggingsfil`), 308);
  const detail = await municipalityDetail(found.id);
  const xlsx = await surveyFileXlsx(detail);
  const fileName = `kartleggingsfil-${detail.currentCode ?? detail.slug}-${detail.slug}-${detail.date}.xlsx`;
  return downloadResponse(xlsx, fileName, XLSX_CONTENT_TYPE);
}
