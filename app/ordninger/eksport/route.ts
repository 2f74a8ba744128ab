import { attachment, CSV_CONTENT_TYPE, exportTable, toCsv, toXlsx, XLSX_CONTENT_TYPE } from "@/lib/arrangements/export";
import { parseArrangementFilters } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";

export const dynamic = "force-dynamic";

/** GET /ordninger/eksport?format=csv|xlsx&<the page's filters>: the current view, every page. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  const parsed = parseArrangementFilters(url.searchParams);
  if (!parsed.ok || (format !== "csv" && format !== "xlsx")) {
    const message = !parsed.ok ? parsed.message : "format må være csv eller xlsx";
    return new Response(`Kan ikke lage nedlastingen: ${message}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { rows, resolved } = await listAllArrangements(parsed.filters);
  if (resolved.unknown.length) {
    return new Response(`Kan ikke lage nedlastingen: ${resolved.unknown.map((u) => u.message).join("; ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { header, body } = exportTable(rows, parsed.filters.skjul, url.origin);
  const stamp = resolved.date;
  if (format === "csv") {
    return new Response(toCsv(header, body), {
      headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": attachment(`samarbeidsordninger-${stamp}.csv`), "Cache-Control": "no-store" },
    });
  }
  const xlsx = await toXlsx("Samarbeidsordninger", header, body, [50, 30, 30, 36, 18, 10, 14, 12, 12, 60, 40, 36, 50]);
  return new Response(new Uint8Array(xlsx), {
    headers: { "Content-Type": XLSX_CONTENT_TYPE, "Content-Disposition": attachment(`samarbeidsordninger-${stamp}.xlsx`), "Cache-Control": "no-store" },
  });
}
