import NextLink from "next/link";
import { mapHref, type MapQuery } from "@/lib/map/href";
import type { MapView } from "@/lib/map/view";

const numberFormat = new Intl.NumberFormat("nb-NO");

/**
 * The report's small maps (NIVI 2021, figures 5.2–5.17), one per task area: the same schematic
 * positions as the big drawing, every municipality in the area as a grey dot (drawn once and reused),
 * those that cooperate on the task dark, and a line for each pair that shares an arrangement.
 */
export function SmallMultiples({ multiples, query }: { multiples: MapView["multiples"]; query: MapQuery }) {
  const viewBox = `0 0 ${multiples.width} ${multiples.height}`;
  return (
    <>
      <svg width="0" height="0" className="kart-defs" aria-hidden="true" focusable="false">
        <defs>
          <path id="kart-bakgrunn" d={multiples.background} />
        </defs>
      </svg>
      <ul className={multiples.dense ? "kart-multiples kart-multiples--dense" : "kart-multiples"}>
        {multiples.items.map((m) => (
          <li key={m.figure}>
            <figure>
              <svg viewBox={viewBox} role="img" aria-label={`${m.title}: ${numberFormat.format(m.municipalities)} kommuner samarbeider i ${numberFormat.format(m.arrangements)} ordninger`}>
                <use href="#kart-bakgrunn" className="kart-multiple-dots" />
                <path d={m.lines} className="kart-multiple-lines" />
                <path d={m.dots} className="kart-multiple-active" />
              </svg>
              <figcaption>
                <strong>{m.title}</strong>
                <br />
                {numberFormat.format(m.arrangements)} ordninger, {numberFormat.format(m.municipalities)} kommuner
                {m.shownLinks < m.totalLinks ? ` (de ${numberFormat.format(m.shownLinks)} sterkeste av ${numberFormat.format(m.totalLinks)} forbindelser tegnet)` : ""}
                <br />
                <NextLink href={mapHref({ region: query.region, dato: query.dato }, { oppgave: m.slug })} className="ds-link">
                  {m.title} i kartet
                </NextLink>{" "}
                <span className="kart-muted">(rapportens figur {m.figure})</span>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </>
  );
}
