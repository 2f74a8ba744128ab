import type { Cell } from "@/lib/export";

/** A statistics table as shown on a page and downloaded as CSV/XLSX (same columns, same rows). */
export interface StatColumn {
  key: string;
  header: string;
  /** Numbers: fixed decimals (34,0). Without it a number is shown as an integer. */
  decimals?: number;
  /** Numeric columns are right-aligned; text columns are not. */
  numeric?: boolean;
  /** Shown as "%" after the number in the page (not in the files). */
  percent?: boolean;
}

export type StatRow = Record<string, Cell>;

export interface StatTable {
  id: string;
  title: string;
  columns: StatColumn[];
  rows: StatRow[];
  /** The table's total row, shown in <tfoot> and appended to the files. */
  footer?: StatRow;
  source?: string;
}

/** Bar chart of one table's rows; rendered client-side with recharts, always beside the table. */
export interface BarChartSpec {
  category: string;
  series: { key: string; name: string }[];
  /** horizontal: bars go sideways (long category names). */
  layout: "horizontal" | "vertical";
  decimals?: number;
  /** A line across the chart, e.g. the mean (34,0). */
  reference?: { value: number; label: string };
  /** Colour each bar by this column's value (e.g. population class), with a legend. */
  colorBy?: string;
}

export interface StatSection {
  id: string;
  heading: string;
  /** Text summary of the chart and table (for everyone, and the chart's text alternative). */
  summary: string;
  table: StatTable;
  chart?: BarChartSpec;
  notes?: string[];
}

/** What a page builder (lib/stats/pages/<page>.ts) computes: its text and sections. */
export interface StatPageBody {
  intro: string;
  sections: StatSection[];
}

/** A statistics page: its slug, title and report reference (from lib/stats/pages/index.ts) and its body. */
export interface StatPage extends StatPageBody {
  slug: string;
  title: string;
  /** Which part of the report it recomputes: "Figur 2.2 og 2.3, avsnitt 2.2". */
  reportRef: string;
}

export function tableRowsWithFooter(table: StatTable): StatRow[] {
  return table.footer ? [...table.rows, table.footer] : table.rows;
}
