/** The filter part of the URL (dato, region) to carry over to links and downloads. */
export function filterParams(searchParams: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["dato", "region"]) {
    const value = searchParams[key];
    if (typeof value === "string" && value !== "") params.set(key, value);
  }
  return params;
}

export function withParams(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Rows per page of a statistics table: longer tables are paged on the server, the files hold every row. */
export const STAT_TABLE_PAGE_ROWS = 50;

/** The search parameter with a table's page number (each long table pages on its own). */
export const tablePageParam = (tableId: string) => `${tableId}-side`;

/** The requested page of each table (1 when missing or not a positive whole number). */
export function tablePageOf(searchParams: Record<string, string | string[] | undefined>, tableId: string): number {
  const value = searchParams[tablePageParam(tableId)];
  const page = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}
