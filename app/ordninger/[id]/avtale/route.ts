import { agreementFileBySlug } from "@/lib/arrangements/agreement";
import { downloadResponse } from "@/lib/export";
import { decodePathSegment } from "@/lib/http/path-segment";

export const dynamic = "force-dynamic";

/** GET /ordninger/{slug}/avtale: the uploaded agreement PDF, public like the rest of the arrangement page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const file = await agreementFileBySlug(decodePathSegment((await params).id));
  if (!file) return new Response("Ordningen har ingen opplastet samarbeidsavtale.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const response = downloadResponse(file.data, file.fileName, "application/pdf");
  response.headers.set("ETag", `"${file.sha256}"`);
  response.headers.set("Digest", `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`);
  return response;
}
