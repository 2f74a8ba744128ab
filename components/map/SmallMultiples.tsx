import NextLink from "next/link";
import { mapHref, MAP_BACKGROUND_ID, type MapQuery } from "@/lib/map/href";
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
    <ul className={multiples.dense ? "kart-multiples kart-multiples--dense" : "kart-multiples"}>
      {multiples.items.map((m) => (
        <li key={m.figure}>
          <figure>
            <svg viewBox={viewBox} role="img" aria-label={`${m.title}: ${numberFormat.format(m.municipalities)} kommuner samarbeider i ${numberFormat.format(m.arrangements)} ordninger`}>
              <use href={`#${MAP_BACKGROUND_ID}`} className="kart-multiple-dots" />
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
  );
}

/**
 * Every municipality in scope as a dot on the small multiples' canvas, sent once: each small
 * multiple draws it as its grey background, and a large drawing (lib/map/view.ts NODE_LIMIT) scaled
 * up under its points.
 */
export function MapBackground({ path }: { path: string }) {
  return (
    <svg width="0" height="0" className="kart-defs" aria-hidden="true" focusable="false">
      <defs>
        <path id={MAP_BACKGROUND_ID} d={path} />
      </defs>
    </svg>
  );
}
