import { Table, TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { Cell } from "@/lib/export";
import { formatDecimal, formatInteger } from "@/lib/format";
import type { StatColumn, StatRow, StatTable } from "@/lib/stats/tables";
import { STAT_TABLE_PAGE_ROWS, tablePageParam } from "./params";

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

/** The rows of one page of a table (every row when the table fits on one page). */
export function tablePageRows(table: StatTable, page: number): { rows: StatRow[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(table.rows.length / STAT_TABLE_PAGE_ROWS));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: table.rows.slice((current - 1) * STAT_TABLE_PAGE_ROWS, current * STAT_TABLE_PAGE_ROWS), page: current, pageCount };
}

function pageHref(pageSlug: string, tableId: string, page: number, params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  if (page > 1) query.set(tablePageParam(tableId), String(page));
  const text = query.toString();
  return `/statistikk/${pageSlug}${text ? `?${text}` : ""}#tabell-${tableId}`;
}

/**
 * A statistics table with its CSV/XLSX download links (the files hold every row). Long tables are
 * paged on the server (STAT_TABLE_PAGE_ROWS rows a page), so a page never grows with the registry.
 */
export function StatTableView({ table, pageSlug, params, page }: { table: StatTable; pageSlug: string; params: URLSearchParams; page?: number }) {
  // Pages without a table page parameter (the overview: short tables) show every row.
  const shown = page === undefined ? { rows: table.rows, page: 1, pageCount: 1 } : tablePageRows(table, page);
  const first = (shown.page - 1) * STAT_TABLE_PAGE_ROWS + 1;
  return (
    <div className="stat-table" id={`tabell-${table.id}`}>
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
              shown.rows.map((row, i) => <RowCells key={i} row={row} columns={table.columns} />)
            )}
          </TableBody>
          {table.footer && (
            <TableFoot>
              <RowCells row={table.footer} columns={table.columns} />
            </TableFoot>
          )}
        </Table>
      </div>
      {shown.pageCount > 1 && (
        <nav className="stat-table__pages" aria-label={`Sider i tabellen ${table.title}`}>
          <p className="ds-paragraph" data-size="sm" data-testid={`sider-${table.id}`}>
            Viser rad {formatInteger(first)}–{formatInteger(first + shown.rows.length - 1)} av {formatInteger(table.rows.length)} (side {shown.page} av {shown.pageCount}). Alle radene står i filene
            under.
          </p>
          <p className="ds-paragraph" data-size="sm">
            {shown.page > 1 && (
              <a className="ds-link" href={pageHref(pageSlug, table.id, shown.page - 1, params)} rel="prev">
                Forrige side
              </a>
            )}
            {shown.page > 1 && shown.page < shown.pageCount && " · "}
            {shown.page < shown.pageCount && (
              <a className="ds-link" href={pageHref(pageSlug, table.id, shown.page + 1, params)} rel="next">
                Neste side
              </a>
            )}
          </p>
        </nav>
      )}
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
