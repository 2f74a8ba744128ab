import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Projection } from "./projection";

/**
 * Optional municipality boundaries for a choropleth: an administrator may put a GeoJSON
 * FeatureCollection (e.g. Kartverket's "Kommuner") at DATA_DIR/kommunegrenser.geojson. Each feature
 * needs the municipality number in properties.kommunenummer (or kommunenr / code). Without the
 * file the map draws points only. See docs/kart.md.
 */
export function boundariesFile(): string {
  return path.join(process.env.DATA_DIR ?? path.join(process.cwd(), ".data"), "kommunegrenser.geojson");
}

type Position = [number, number];
interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

const MAX_BYTES = 50 * 1024 * 1024;
let cache: { file: string; mtime: number; features: { code: string; polygons: Position[][][] }[] } | null = null;

function codeOf(properties: Record<string, unknown> | null | undefined): string | null {
  const value = properties?.kommunenummer ?? properties?.kommunenr ?? properties?.code ?? properties?.Kommunenummer;
  const code = typeof value === "number" ? String(value).padStart(4, "0") : typeof value === "string" ? value.trim() : null;
  return code && /^\d{4}$/.test(code) ? code : null;
}

/** Parses a FeatureCollection into polygons per municipality code; invalid features are skipped. */
export function parseBoundaries(json: unknown): { code: string; polygons: Position[][][] }[] {
  const features = (json as { type?: string; features?: Feature[] })?.features;
  if (!Array.isArray(features)) return [];
  const out: { code: string; polygons: Position[][][] }[] = [];
  for (const f of features) {
    const code = codeOf(f.properties);
    const g = f.geometry;
    if (!code || !g) continue;
    const polygons = g.type === "Polygon" ? [g.coordinates as Position[][]] : g.type === "MultiPolygon" ? (g.coordinates as Position[][][]) : [];
    if (polygons.length) out.push({ code, polygons });
  }
  return out;
}

export function loadBoundaries(file = boundariesFile()): { code: string; polygons: Position[][][] }[] {
  if (!existsSync(file)) return [];
  try {
    const stat = statSync(file);
    if (stat.size > MAX_BYTES) {
      console.error(`Kommunegrenser: ${file} er større enn 50 MB og brukes ikke`);
      return [];
    }
    if (cache && cache.file === file && cache.mtime === stat.mtimeMs) return cache.features;
    const features = parseBoundaries(JSON.parse(readFileSync(file, "utf8")));
    cache = { file, mtime: stat.mtimeMs, features };
    return features;
  } catch (error) {
    console.error(`Kommunegrenser: kunne ikke lese ${file}`, error);
    return [];
  }
}

/**
 * SVG path data for a municipality's polygons (GeoJSON positions are [lon, lat]), rounded to whole
 * pixels with repeated points dropped, so a detailed boundary file costs the page only what it shows.
 */
export function polygonPath(polygons: Position[][][], projection: Projection): string {
  return polygons
    .flatMap((rings) =>
      rings.map((ring) => {
        const points: string[] = [];
        for (const [lon, lat] of ring) {
          const { x, y } = projection.project(lat, lon);
          const point = `${Math.round(x)} ${Math.round(y)}`;
          if (points.at(-1) !== point) points.push(point);
        }
        return points.length > 2 ? `M${points.join("L")}Z` : "";
      }),
    )
    .join("");
}
