import { apiPreflight, apiRoute } from "@/lib/api/route";
import { xlsxResponse } from "@/lib/export/response";
import { OPEN_DATA_FILENAME, openDataColumns, openDataRows } from "@/lib/open-data/dataset";

export const dynamic = "force-dynamic";

/** The whole registry as XLSX (see /apne-data); CORS and ETag as the open API (lib/api/http.ts). */
export const GET = apiRoute(async () => {
  const { rows, date } = await openDataRows();
  return xlsxResponse(OPEN_DATA_FILENAME, [{ name: "Samarbeidsordninger", columns: openDataColumns(), rows, preamble: [`Samarbeidsordninger i Samarbeidsregisteret, deltakere per ${date}`] }]);
});

export const OPTIONS = apiPreflight;
