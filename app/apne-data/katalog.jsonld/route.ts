import { apiPreflight, apiRoute } from "@/lib/api/route";
import { openDataModified } from "@/lib/open-data/modified";
import { dcatCatalog } from "@/lib/open-data/dcat";

export const dynamic = "force-dynamic";

/** DCAT-AP-NO metadata (JSON-LD) for data.norge.no to harvest; also embedded in /apne-data. */
export const GET = apiRoute(async () => Response.json(dcatCatalog(await openDataModified()), { headers: { "Content-Type": "application/ld+json; charset=utf-8" } }));

export const OPTIONS = apiPreflight;
