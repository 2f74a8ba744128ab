import { Table, TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { Cell } from "@/lib/export";
import { formatDecimal, formatInteger } from "@/lib/format";
import type { StatColumn, StatRow, StatTable } from "@/lib/stats/tables";

export function formatStatCell(value: Cell, column: StatColumn): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "number") {
    const text = column.decimals === undefined ? formatInteger(value) : formatDecimal(value, column.decimals);
    return column.percent ? `${text} %` : text;
  }
  if (typeof value === "boolean") return value ? "Ja" : "Nei";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

function downloadHref(pageSlug: string, tableId: string, format: "csv" | "xlsx", params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  query.set("tabell", tableId);
  query.set("format", format);
  return `/statistikk/${pageSlug}/eksport?${query.toString()}`;
}

function RowCells({ row, columns, header }: { row: StatRow; columns: StatColumn[]; header?: boolean }) {
  return (
    <TableRow>
      {columns.map((column, index) =>
        index === 0 ? (
          <TableHeaderCell key={column.key} scope="row">
            {formatStatCell(row[column.key], column)}
          </TableHeaderCell>
        ) : (
          <TableCell key={column.key} className={column.numeric ? "num" : undefined} data-header={header ? "true" : undefined}>
            {formatStatCell(row[column.key], column)}
          </TableCell>
        ),
      )}
    </TableRow>
  );
}

/** A statistics table with its CSV/XLSX download links (same rows as the files). */
export function StatTableView({ table, pageSlug, params }: { table: StatTable; pageSlug: string; params: URLSearchParams }) {
  return (
    <div className="stat-table">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`Tabell: ${table.title}`}>
        <Table data-size="sm" zebra border data-testid={`tabell-${table.id}`}>
          <caption>{table.title}</caption>
          <TableHead>
            <TableRow>
              {table.columns.map((column) => (
                <TableHeaderCell key={column.key} scope="col" className={column.numeric ? "num" : undefined}>
                  {column.header}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={table.columns.length}>Ingen rader.</TableCell>
              </TableRow>
            ) : (
              table.rows.map((row, i) => <RowCells key={i} row={row} columns={table.columns} />)
            )}
          </TableBody>
          {table.footer && (
            <TableFoot>
              <RowCells row={table.footer} columns={table.columns} />
            </TableFoot>
          )}
        </Table>
      </div>
      <p className="stat-table__meta">
        {table.source && <span>Kilde: {table.source}. </span>}
        Last ned tabellen:{" "}
        <a className="ds-link" href={downloadHref(pageSlug, table.id, "csv", params)} download data-testid={`csv-${table.id}`}>
          CSV<span className="visually-hidden">: {table.title}</span>
        </a>
        {" · "}
        <a className="ds-link" href={downloadHref(pageSlug, table.id, "xlsx", params)} download data-testid={`xlsx-${table.id}`}>
          Excel (XLSX)<span className="visually-hidden">: {table.title}</span>
        </a>
      </p>
    </div>
  );
}
