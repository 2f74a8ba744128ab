import { apiPreflight, apiRoute } from "@/lib/api/route";
import { csvResponse } from "@/lib/export/response";
import { OPEN_DATA_FILENAME, openDataColumns, openDataRows } from "@/lib/open-data/dataset";

export const dynamic = "force-dynamic";

/** The whole registry as CSV (see /apne-data); CORS and ETag as the open API (lib/api/http.ts). */
export const GET = apiRoute(async () => csvResponse(OPEN_DATA_FILENAME, openDataColumns(), (await openDataRows()).rows));

export const OPTIONS = apiPreflight;
