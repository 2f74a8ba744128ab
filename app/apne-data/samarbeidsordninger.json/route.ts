import { apiPreflight, apiRoute } from "@/lib/api/route";
import { contentDisposition } from "@/lib/export/response";
import { openDataJson } from "@/lib/open-data/dataset";

export const dynamic = "force-dynamic";

/** The whole registry as JSON (see /apne-data; schema at samarbeidsordninger.schema.json). */
export const GET = apiRoute(async () => Response.json(await openDataJson(), { headers: { "Content-Disposition": contentDisposition("samarbeidsordninger.json").replace(/^attachment/, "inline") } }));

export const OPTIONS = apiPreflight;
