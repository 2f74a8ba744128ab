/**
 * The map's query string: `region` (a region slug; default the municipalities of the survey),
 * `kommune` (a municipality's code or slug: its ego network), `oppgave` (task area slug), `sektor`
 * (sector code), `minst` (minimum shared arrangements for a drawn link; default chosen so the
 * drawing stays readable) and `dato` (YYYY-MM-DD; default today in Norway). Pure and free of zod, so the
 * client drawing (components/map/GraphDrawing.tsx) can import it without bundling zod, whose JIT probe
 * (`new Function`) is a CSP violation in Chrome's Issues panel (Lighthouse best practices, issue #13).
 */
export interface MapQuery {
  region?: string;
  kommune?: string;
  oppgave?: string;
  sektor?: string;
  minst?: number;
  dato?: string;
}

export const MAP_PARAMETERS = ["region", "kommune", "oppgave", "sektor", "minst", "dato"] as const;

/** The map's URL for a query (parameters in a fixed order; empty values left out). */
export function mapHref(query: MapQuery, change: Partial<Record<keyof MapQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  const search = new URLSearchParams();
  for (const key of MAP_PARAMETERS) {
    const value = merged[key];
    if (value !== undefined && value !== "") search.set(key, key === "sektor" ? String(value).toLowerCase() : String(value));
  }
  const text = search.toString();
  return text ? `/kart?${text}` : "/kart";
}

/** The id of the SVG path with every municipality in scope as a dot (components/map/SmallMultiples.tsx MapBackground). */
export const MAP_BACKGROUND_ID = "kart-bakgrunn";
