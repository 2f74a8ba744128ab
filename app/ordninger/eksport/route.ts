import { arrangementExportColumns } from "@/lib/arrangements/export";
import { parseArrangementFilters } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";
import { publicBaseUrl } from "@/lib/config/public-url";
import { csvResponse, xlsxResponse } from "@/lib/export/response";

export const dynamic = "force-dynamic";

function badRequest(message: string) {
  return new Response(`Kan ikke lage nedlastingen: ${message}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** GET /ordninger/eksport?format=csv|xlsx&<the page's filters>: the current view, every page. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  const parsed = parseArrangementFilters(url.searchParams);
  if (!parsed.ok) return badRequest(parsed.message);
  if (format !== "csv" && format !== "xlsx") return badRequest("format må være csv eller xlsx");
  const { rows, resolved } = await listAllArrangements(parsed.filters);
  if (resolved.unknown.length) return badRequest(resolved.unknown.map((u) => u.message).join("; "));
  const columns = arrangementExportColumns(parsed.filters.skjul, publicBaseUrl());
  const filename = `samarbeidsordninger-${resolved.date}`;
  return format === "csv" ? csvResponse(filename, columns, rows) : xlsxResponse(filename, [{ name: "Samarbeidsordninger", columns, rows }]);
}
