"use client";

import NextLink from "next/link";
import { heatLegend, heatStep } from "@/lib/map/layout";
import { mapHref, type MapQuery } from "@/lib/map/href";
import type { MatrixData } from "@/lib/map/view";

const numberFormat = new Intl.NumberFormat("nb-NO");

/**
 * The cooperation matrix: municipality × municipality, the number of shared arrangements in each
 * cell, coloured on a five-step heat scale (the number is always written; every step has text
 * contrast ≥ 4.5:1). A real table with row and column headers; it scrolls inside its own box. A
 * client component: the page sends the numbers once (not the rendered table a second time).
 */
export function CooperationMatrix({ matrix, query, chosen }: { matrix: MatrixData; query: MapQuery; chosen: string | null }) {
  const legend = heatLegend(matrix.max);
  return (
    <>
      <p className="kart-legend" aria-hidden="true">
        <span>Fargeskala:</span>
        <span className="kart-h0">0</span>
        {legend.map((l) => (
          <span key={l.step} className={`kart-h${l.step}`}>
            {l.from === l.to ? numberFormat.format(l.from) : `${numberFormat.format(l.from)}–${numberFormat.format(l.to)}`}
          </span>
        ))}
      </p>
      <div className="table-scroll kart-matrix-scroll" tabIndex={0} role="region" aria-label="Samarbeidsmatrisen som tabell">
        <table className="kart-matrix" data-testid="kart-matrise">
          <caption className="visually-hidden">Antall felles ordninger for hvert kommunepar. Radene og kolonnene er kommunene; cellen på diagonalen er kommunen selv.</caption>
          <thead>
            <tr>
              <td className="kart-matrix-corner" />
              {matrix.municipalities.map((m) => (
                <th key={m.slug} scope="col" className={m.slug === chosen ? "kart-matrix-col kart-chosen" : "kart-matrix-col"}>
                  <span>{m.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.municipalities.map((m, i) => (
              <tr key={m.slug} className={m.slug === chosen ? "kart-chosen" : undefined}>
                <th scope="row">
                  <NextLink href={mapHref(query, { kommune: m.slug, minst: undefined })} scroll={false} className="ds-link">
                    {m.name}
                  </NextLink>
                </th>
                {matrix.values[i]!.map((value, j) =>
                  i === j ? (
                    <td key={j} className="kart-self">
                      –
                    </td>
                  ) : (
                    <td key={j} className={`kart-h${heatStep(value, matrix.max)}`}>
                      {value}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
