/** One value in an exported table. Numbers stay numbers (Excel can sum them); dates are calendar days. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A column of an exported table: a header and how to read the value from a row. */
export type ExportColumn<Row> = {
  header: string;
  /** Fixed number of decimals for numbers (34,0). Without it, numbers are written as they are. */
  decimals?: number;
  /** Column width in characters in XLSX (default: from the header and the values). */
  width?: number;
} & ({ key: keyof Row & string; value?: never } | { value: (row: Row) => Cell; key?: never });

export function cellOf<Row>(column: ExportColumn<Row>, row: Row): Cell {
  if (column.value) return column.value(row);
  return (row as Record<string, Cell>)[column.key as string];
}
