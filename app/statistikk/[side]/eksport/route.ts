import { z } from "zod";
import { badRequest, notFound } from "@/lib/api/responses";
import { csvResponse, xlsxResponse, type ExportColumn } from "@/lib/export";
import { parseStatsParams, scopeLabel } from "@/lib/stats/params";
import { loadStatTable } from "@/lib/stats/pages";
import { tableRowsWithFooter, type StatRow } from "@/lib/stats/tables";

export const dynamic = "force-dynamic";

const exportSchema = z.object({
  tabell: z.string({ error: "Oppgi hvilken tabell som skal lastes ned (tabell=…)." }).regex(/^[a-z0-9-]{1,60}$/, { error: "Ukjent tabell." }),
  format: z.enum(["csv", "xlsx"], { error: "Formatet må være csv eller xlsx." }),
});

/** GET /statistikk/<side>/eksport?tabell=…&format=csv|xlsx&dato=…&region=… — one table as a file. */
export async function GET(request: Request, { params }: { params: Promise<{ side: string }> }) {
  const { side } = await params;
  const search = new URL(request.url).searchParams;
  const which = exportSchema.safeParse({ tabell: search.get("tabell") ?? undefined, format: search.get("format") ?? undefined });
  if (!which.success) return badRequest(which.error.issues.map((i) => i.message).join(" "), which.error.issues);
  const filter = new URLSearchParams();
  for (const key of ["dato", "region"]) for (const value of search.getAll(key)) filter.append(key, value);
  const parsed = await parseStatsParams(filter);
  if (!parsed.ok) return badRequest(parsed.message, parsed.issues);
  const found = await loadStatTable(side, which.data.tabell, parsed.query);
  if (!found) return notFound("Fant ikke tabellen.");
  const { table } = found;
  const columns: ExportColumn<StatRow>[] = table.columns.map((c) => ({ header: c.header, key: c.key, decimals: c.decimals }));
  const rows = tableRowsWithFooter(table);
  const filename = `${table.id}-${parsed.dato}${parsed.region ? `-${parsed.region}` : ""}`;
  if (which.data.format === "csv") return csvResponse(filename, columns, rows);
  return xlsxResponse(filename, [
    {
      name: table.title,
      columns,
      rows,
      preamble: [table.title, `Per ${parsed.dato} for ${scopeLabel(parsed.query.scope)}. Samarbeidsregisteret.`, ...(table.source ? [`Kilde for rapportens tall: ${table.source}`] : [])],
    },
  ]);
}
