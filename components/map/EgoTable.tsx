"use client";

import NextLink from "next/link";
import { mapHref, type MapQuery } from "@/lib/map/href";
import type { EgoData } from "@/lib/map/view";

const numberFormat = new Intl.NumberFormat("nb-NO");
/** Up to this many arrangements are listed openly in a row; longer lists fold. */
const OPEN_LIMIT = 4;

/**
 * The chosen municipality's partners, most shared first, with the shared arrangements (links to
 * each). A client component so the page sends the compact data once, not the table twice.
 */
export function EgoTable({ ego, query }: { ego: EgoData; query: MapQuery }) {
  if (!ego.partners.length) return <p className="ds-paragraph">{ego.name} har ingen samarbeidspartnere i utvalget.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Tabell over samarbeidspartnerne til ${ego.name}`}>
      <table className="ds-table kart-ego" data-size="sm" data-testid="kart-partnere">
        <caption className="visually-hidden">Samarbeidspartnerne til {ego.name} og ordningene de deler</caption>
        <thead>
          <tr>
            <th scope="col">Kommune</th>
            <th scope="col" className="registry-number">
              Felles ordninger
            </th>
            <th scope="col">Ordningene</th>
          </tr>
        </thead>
        <tbody>
          {ego.partners.map((p) => {
            const list = (
              <ul className="kart-arrangements">
                {p.shared.map((i) => {
                  const [slug, name] = ego.arrangements[i]!;
                  return (
                    <li key={slug}>
                      <NextLink href={`/ordninger/${slug}`} className="ds-link">
                        {name}
                      </NextLink>
                    </li>
                  );
                })}
              </ul>
            );
            return (
              <tr key={p.slug}>
                <th scope="row">
                  <NextLink href={mapHref(query, { kommune: p.slug, minst: undefined })} scroll={false} className="ds-link">
                    {p.name}
                  </NextLink>
                  {p.inScope ? null : <span className="kart-muted"> (utenfor området)</span>}
                </th>
                <td className="registry-number">{numberFormat.format(p.shared.length)}</td>
                <td>
                  {p.shared.length <= OPEN_LIMIT ? (
                    list
                  ) : (
                    <details>
                      <summary>Vis {numberFormat.format(p.shared.length)} ordninger</summary>
                      {list}
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
