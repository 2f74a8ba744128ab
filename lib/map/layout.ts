import { boundsOf, createProjection, type Projection } from "./projection";

/**
 * Pure layout helpers for the map page: where each municipality is drawn, which links are drawn
 * (thinning), and the matrix's heat scale. No database access: unit-tested in layout.test.ts.
 */
export interface Placeable {
  id: number;
  latitude: number | null;
  longitude: number | null;
  regionId?: number | null;
}

export interface Placed {
  x: number;
  y: number;
}

export const CANVAS_WIDTH = 800;

/**
 * Positions for the municipalities: at their (approximate) centre point when every one of them has
 * coordinates, otherwise a schematic layout: municipalities grouped by region in a grid of circles.
 */
export function placeMunicipalities(
  items: Placeable[],
  width = CANVAS_WIDTH,
): { width: number; height: number; positions: Map<number, Placed>; projection: Projection | null; groups: { regionId: number | null; x: number; y: number }[] } {
  const positions = new Map<number, Placed>();
  if (items.length && items.every((m) => m.latitude !== null && m.longitude !== null)) {
    const projection = createProjection(boundsOf(items.map((m) => ({ lat: m.latitude!, lon: m.longitude! }))), width);
    for (const m of items) positions.set(m.id, projection.project(m.latitude!, m.longitude!));
    return { width: projection.width, height: projection.height, positions, projection, groups: [] };
  }
  const groups = new Map<number | null, Placeable[]>();
  for (const m of items) groups.set(m.regionId ?? null, [...(groups.get(m.regionId ?? null) ?? []), m]);
  const ordered = [...groups.values()];
  const columns = Math.max(1, Math.ceil(Math.sqrt(ordered.length * 1.4)));
  const cell = width / columns;
  const rows = Math.ceil(ordered.length / columns);
  const centres: { regionId: number | null; x: number; y: number }[] = [];
  ordered.forEach((group, g) => {
    const cx = cell * ((g % columns) + 0.5);
    const cy = cell * (Math.floor(g / columns) + 0.5) - cell * 0.08;
    const radius = group.length === 1 ? 0 : Math.min(cell * 0.3, 12 + group.length * 4);
    centres.push({ regionId: group[0]!.regionId ?? null, x: round(cx), y: round(cy + radius + cell * 0.17) });
    group.forEach((m, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      positions.set(m.id, { x: round(cx + radius * Math.cos(angle)), y: round(cy + radius * Math.sin(angle)) });
    });
  });
  return { width, height: Math.max(200, Math.round(rows * cell)), positions, projection: null, groups: centres };
}

/** An ego network: the municipality in the centre, its partners on a ring, most shared first (from the top, clockwise). */
export function placeEgo(centreId: number, partnerIds: number[], width = CANVAS_WIDTH): { width: number; height: number; positions: Map<number, Placed> } {
  const height = width;
  const positions = new Map<number, Placed>([[centreId, { x: width / 2, y: height / 2 }]]);
  // Room outside the ring for the labels, which run outwards along the rays.
  const radius = width / 2 - 150;
  partnerIds.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / partnerIds.length - Math.PI / 2;
    positions.set(id, { x: round(width / 2 + radius * Math.cos(angle)), y: round(height / 2 + radius * Math.sin(angle)) });
  });
  return { width, height, positions };
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The smallest minimum weight that keeps at most `max` links (weights sorted or not). With
 * `requested`, that minimum is used, but never more than `hardMax` links are drawn.
 */
export function thinLinks<T extends { weight: number }>(links: T[], max: number, requested?: number, hardMax = max * 2): { drawn: T[]; minWeight: number; capped: boolean } {
  const sorted = [...links].sort((x, y) => y.weight - x.weight);
  let minWeight = requested ?? 1;
  if (requested === undefined) {
    while (sorted.filter((l) => l.weight >= minWeight).length > max) minWeight++;
  }
  const eligible = sorted.filter((l) => l.weight >= minWeight);
  const limit = requested === undefined ? max : hardMax;
  return { drawn: eligible.slice(0, limit), minWeight, capped: eligible.length > limit };
}

/** The matrix's heat scale: five steps of blue, each with a text colour of at least 4.5:1 contrast. */
export const HEAT_STEPS = [
  { background: "#ffffff", color: "#595959" },
  { background: "#deebf7", color: "#000000" },
  { background: "#9ecae1", color: "#000000" },
  { background: "#2171b5", color: "#ffffff" },
  { background: "#08306b", color: "#ffffff" },
] as const;

/** Step 0 for 0; steps 1–4 split 1..max in four equal ranges. */
export function heatStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor(((value - 1) * 4) / Math.max(1, max)));
}

/** The value ranges of steps 1–4 for the legend ("1–3", "4–6", …), empty ranges left out. */
export function heatLegend(max: number): { step: number; from: number; to: number }[] {
  const out: { step: number; from: number; to: number }[] = [];
  for (let v = 1; v <= max; v++) {
    const step = heatStep(v, max);
    const last = out.at(-1);
    if (last && last.step === step) last.to = v;
    else out.push({ step, from: v, to: v });
  }
  return out;
}

/** WCAG relative luminance contrast between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
