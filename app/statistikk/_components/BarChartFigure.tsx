"use client";

import { Bar, BarChart, CartesianGrid, Cell as BarCell, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDecimal } from "@/lib/format";
import type { BarChartSpec, StatRow } from "@/lib/stats/tables";

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinguishable in greyscale order. */
const SERIES_COLOURS = ["#1e4f8c", "#b3541e", "#2e7d4f", "#6b3f99"];

function formatNumber(value: unknown, decimals: number): string {
  return typeof value === "number" ? formatDecimal(value, decimals) : "–";
}

/**
 * A bar chart of one statistics table. The chart is hidden from assistive technology: the text
 * summary and the data table right beside it carry the same numbers.
 */
export function BarChartFigure({ rows, spec }: { rows: StatRow[]; spec: BarChartSpec }) {
  const decimals = spec.decimals ?? 0;
  const horizontal = spec.layout === "horizontal";
  const height = horizontal ? Math.max(160, rows.length * (18 + 10 * spec.series.length) + 80) : 320;
  const colourValues = spec.colorBy ? [...new Set(rows.map((r) => String(r[spec.colorBy!] ?? "")))] : [];
  const colourOf = (value: unknown) => SERIES_COLOURS[Math.max(0, colourValues.indexOf(String(value ?? ""))) % SERIES_COLOURS.length];
  const data = rows.map((r) => ({ ...r, [spec.category]: String(r[spec.category] ?? "") }));
  const categoryAxis = horizontal ? (
    <YAxis type="category" dataKey={spec.category} width={220} tick={{ fontSize: 13 }} interval={0} />
  ) : (
    <XAxis type="category" dataKey={spec.category} tick={{ fontSize: 13 }} interval="preserveStartEnd" />
  );
  const valueAxis = horizontal ? (
    <XAxis type="number" tickFormatter={(v: number) => formatDecimal(v, decimals)} />
  ) : (
    <YAxis type="number" tickFormatter={(v: number) => formatDecimal(v, decimals)} width={48} />
  );
  return (
    <div className="stat-chart" aria-hidden="true">
      <BarChart
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        responsive
        height={height}
        style={{ width: "100%", height }}
        accessibilityLayer={false}
        margin={{ top: 24, right: 32, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {categoryAxis}
        {valueAxis}
        <Tooltip formatter={(value) => formatNumber(value, decimals)} />
        {spec.series.length > 1 && <Legend />}
        {spec.series.map((series, index) => (
          <Bar key={series.key} dataKey={series.key} name={series.name} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} isAnimationActive={false}>
            {spec.colorBy && data.map((row, i) => <BarCell key={i} fill={colourOf(row[spec.colorBy!])} />)}
          </Bar>
        ))}
        {spec.reference &&
          (horizontal ? (
            <ReferenceLine x={spec.reference.value} stroke="#222" strokeDasharray="6 3" label={{ value: spec.reference.label, position: "top", fill: "#222" }} />
          ) : (
            <ReferenceLine y={spec.reference.value} stroke="#222" strokeDasharray="6 3" label={{ value: spec.reference.label, position: "right", fill: "#222" }} />
          ))}
      </BarChart>
      {spec.colorBy && (
        <ul className="stat-chart__legend">
          {colourValues.map((value) => (
            <li key={value}>
              <span className="stat-chart__swatch" style={{ background: colourOf(value) }} />
              {value}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
