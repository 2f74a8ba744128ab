import { apiPreflight, apiRoute } from "@/lib/api/route";
import { openDataJsonSchema } from "@/lib/open-data/dataset";

export const dynamic = "force-dynamic";

/** JSON Schema of /apne-data/samarbeidsordninger.json. */
export const GET = apiRoute(async () => Response.json(openDataJsonSchema(), { headers: { "Content-Type": "application/schema+json" } }));

export const OPTIONS = apiPreflight;
