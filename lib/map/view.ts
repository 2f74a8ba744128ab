import "server-only";
import { prisma } from "@/lib/db";
import { todayInNorway } from "@/lib/domain/today";
import { findMunicipality, municipalityPath } from "@/lib/municipalities";
import { arrangementCounts, distinctArrangements, egoNetwork, graphPairs, municipalitiesWhere, pairsByTaskArea, type GraphFilter, type GraphMunicipality, type Pair } from "./graph";
import { loadBoundaries, polygonPath } from "./boundaries";
import type { Projection } from "./projection";
import { placeEgo, placeMunicipalities, thinLinks, type Placed } from "./layout";
import { remember } from "./memo";
import { MAP_PARAMETERS, type MapQuery } from "./params";
import { REPORT_MAPS } from "./report-maps";

/** The largest scope drawn as a full matrix; larger scopes list their strongest links and ask for a region. */
export const MATRIX_LIMIT = 30;
/** Links drawn in a small multiple at most (the strongest); half of it above NODE_LIMIT, where a 200-unit figure holds no more. */
const MULTIPLE_LINK_LIMIT = 60;
/** Links drawn in the big drawing at most when it is dense (more than LABEL_LIMIT municipalities): the strongest. */
const DENSE_LINK_LIMIT = 150;
/** Small multiples are drawn on a canvas this wide, in whole units (short path data). */
const MULTIPLE_WIDTH = 200;
/** Region names are written under their group in the schematic drawing up to this many groups; above it they would overlap (the cells get narrower than a name). */
const GROUP_LABEL_LIMIT = 100;
/** Labels are written beside every node up to this many nodes; above it, only the chosen one. */
const LABEL_LIMIT = 40;
/**
 * Above this many municipalities in scope, only those with a drawn link are points one can choose;
 * the rest are grey dots in one path (the page stays under 500 kB at 4 × national scale). A region
 * or a municipality's own page gives every one of them.
 */
export const NODE_LIMIT = 300;

/** What the drawing (a client component) gets: only what it shows. */
export interface DrawingData {
  width: number;
  height: number;
  /** [slug, name, x, y, arrangements, labelled (1/0)] */
  nodes: [string, string, number, number, number, number][];
  /** [node index, node index, weight] */
  links: [number, number, number][];
  /** Index of the chosen municipality (the ego), or -1. */
  selected: number;
  label: string;
  /** Municipality boundaries (SVG path data), only when kommunegrenser.geojson is supplied. */
  boundaries: string[];
  /** Region names under their group, in the schematic layout: [name, x, y]. */
  groups: [string, number, number][];
  /** Many municipalities: smaller points and thinner lines. */
  dense: boolean;
  /**
   * Above NODE_LIMIT, every municipality in scope is a grey dot under the points: the small
   * multiples' background (#kart-bakgrunn, sent once) drawn at this scale. 0: no backdrop.
   */
  backdrop: number;
}

export interface MatrixData {
  municipalities: { slug: string; name: string }[];
  values: number[][];
  max: number;
}

export interface EgoData {
  name: string;
  slug: string;
  path: string;
  arrangementCount: number;
  /** Every arrangement it shares with someone, once: [slug, name]. */
  arrangements: [string, string][];
  /** Partners, most shared first; `shared` indexes `arrangements`. */
  partners: { name: string; slug: string; inScope: boolean; shared: number[] }[];
}

export interface SmallMultiple {
  figure: string;
  title: string;
  slug: string;
  arrangements: number;
  municipalities: number;
  /** SVG path data: dots for the participating municipalities, lines for the links. */
  dots: string;
  lines: string;
  shownLinks: number;
  totalLinks: number;
}

export interface MapView {
  date: string;
  problems: string[];
  options: { regions: { slug: string; name: string }[]; taskAreas: { slug: string; name: string }[]; sectors: { code: string; name: string }[] };
  scope: { label: string; regionSlug: string | null; municipalities: number };
  filterLabel: string | null;
  geographic: boolean;
  hasBoundaries: boolean;
  drawing: DrawingData;
  links: { total: number; drawn: number; minWeight: number; capped: boolean };
  arrangementsInScope: number;
  ego: EgoData | null;
  matrix: MatrixData | null;
  strongest: { a: string; b: string; weight: number }[];
  multiples: { width: number; height: number; background: string; dense: boolean; items: SmallMultiple[] };
}

const dot = (p: Placed | undefined) => (p ? `M${p.x} ${p.y}h0` : "");
/** Dots as one path, each point once (on the small canvas, neighbours in a region often round to the same point). */
const dots = (points: (Placed | undefined)[]) => [...new Set(points.map(dot))].join("");
const line = (p: Placed | undefined, q: Placed | undefined) => (p && q ? `M${p.x} ${p.y}L${q.x} ${q.y}` : "");
const scaled = (positions: Map<number, Placed>, factor: number) => new Map([...positions].map(([id, p]) => [id, { x: Math.round(p.x * factor), y: Math.round(p.y * factor) }]));

/**
 * Everything /kart shows, from a parsed query (unknown names become Norwegian problems, and an
 * empty map). Kept per registry version (./memo.ts), so repeated views cost no SQL beyond the version.
 */
export function loadMapView(query: MapQuery, options: { empty?: boolean } = {}): Promise<MapView> {
  const key = JSON.stringify([MAP_PARAMETERS.map((p) => query[p] ?? null), options.empty === true]);
  return remember(key, () => buildMapView(query, options));
}

async function buildMapView(query: MapQuery, options: { empty?: boolean }): Promise<MapView> {
  const date = query.dato ?? todayInNorway();
  const problems: string[] = [];
  const [regions, taskAreas, sectors] = await Promise.all([
    prisma.region.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.taskArea.findMany({ select: { id: true, slug: true, name: true }, orderBy: { sortOrder: "asc" } }),
    prisma.sector.findMany({ select: { id: true, code: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const collator = new Intl.Collator("nb");
  regions.sort((a, b) => collator.compare(a.name, b.name));
  const region = query.region ? regions.find((r) => r.slug === query.region) : undefined;
  if (query.region && !region) problems.push(`Fant ingen region «${query.region}»`);
  const taskArea = query.oppgave ? taskAreas.find((t) => t.slug === query.oppgave) : undefined;
  if (query.oppgave && !taskArea) problems.push(`Fant ikke oppgaveområdet «${query.oppgave}»`);
  const sector = query.sektor ? sectors.find((s) => s.code === query.sektor) : undefined;
  if (query.sektor && !sector) problems.push(`Fant ikke sektoren «${query.sektor.toLowerCase()}»`);
  const lookup = query.kommune ? await findMunicipality(query.kommune) : undefined;
  if (lookup?.kind === "missing") problems.push(`Fant ingen kommune «${query.kommune}»`);

  const filter: GraphFilter = { date, taskAreaIds: taskArea ? [taskArea.id] : undefined, sectorId: sector?.id };
  const scope = problems.length || options.empty ? [] : await municipalitiesWhere(region ? { regionId: region.id } : { surveyed: true });
  const scopeIds = scope.map((m) => m.id);
  const egoId = lookup?.kind === "found" && !problems.length && !options.empty ? lookup.id : undefined;
  const reportAreas = REPORT_MAPS.map((r) => ({ ...r, ids: taskAreas.filter((t) => r.slugs.includes(t.slug)).map((t) => t.id) })).filter((r) => r.ids.length);

  const [pairs, counts, ego, byArea, arrangementsInScope] = await Promise.all([
    graphPairs(filter, scopeIds),
    arrangementCounts(filter, scopeIds),
    egoId === undefined ? null : egoNetwork(filter, egoId),
    pairsByTaskArea({ date }, scopeIds, [...new Set(reportAreas.flatMap((r) => r.ids))]),
    distinctArrangements(filter, scopeIds),
  ]);

  const layout = placeMunicipalities(scope);
  const byId = new Map<number, GraphMunicipality>(scope.map((m) => [m.id, m]));
  const name = (id: number) => byId.get(id)?.name ?? "";
  const maxLinks = scope.length <= LABEL_LIMIT ? 60 : Math.min(DENSE_LINK_LIMIT, scope.length);
  // The small multiples' canvas (MULTIPLE_WIDTH wide, whole units); the big drawing reuses its dots as backdrop.
  const factor = MULTIPLE_WIDTH / layout.width;
  const thinned = thinLinks(pairs, maxLinks, query.minst);

  let drawing: DrawingData;
  let egoData: EgoData | null = null;
  if (ego && egoId !== undefined) {
    const partnerIds = ego.links.map((l) => l.partnerId);
    const people = await municipalitiesWhere({ ids: [egoId, ...partnerIds] });
    const who = new Map(people.map((m) => [m.id, m]));
    const me = who.get(egoId)!;
    const placed = placeEgo(egoId, partnerIds);
    const order = [egoId, ...partnerIds];
    const labelled = (i: number) => (i === 0 || partnerIds.length <= 80 || i <= 40 ? 1 : 0);
    drawing = {
      width: placed.width,
      height: placed.height,
      nodes: order.map((id, i) => {
        const m = who.get(id)!;
        const p = placed.positions.get(id)!;
        return [m.slug, m.name, Math.round(p.x), Math.round(p.y), i === 0 ? ego.arrangementCount : ego.links[i - 1]!.arrangements.length, labelled(i)];
      }),
      links: ego.links.map((l, i) => [0, i + 1, l.arrangements.length]),
      selected: 0,
      label: `${me.name} og samarbeidspartnerne`,
      boundaries: [],
      groups: [],
      dense: false,
      backdrop: 0,
    };
    const shared = [...new Map(ego.links.flatMap((l) => l.arrangements.map((a) => [a.id, a] as const))).values()].sort((x, y) => collator.compare(x.name, y.name));
    const sharedIndex = new Map(shared.map((a, i) => [a.id, i]));
    egoData = {
      name: me.name,
      slug: me.slug,
      path: municipalityPath(me),
      arrangementCount: ego.arrangementCount,
      arrangements: shared.map((a) => [a.slug, a.name]),
      partners: ego.links.map((l) => {
        const m = who.get(l.partnerId)!;
        return { name: m.name, slug: m.slug, inScope: byId.has(m.id), shared: l.arrangements.map((a) => sharedIndex.get(a.id)!) };
      }),
    };
  } else {
    const linked = new Set(thinned.drawn.flatMap((l) => [l.a, l.b]));
    const pointed = scope.length > NODE_LIMIT ? scope.filter((m) => linked.has(m.id)) : scope;
    const index = new Map(pointed.map((m, i) => [m.id, i]));
    drawing = {
      width: layout.width,
      height: layout.height,
      backdrop: pointed.length < scope.length ? layout.width / MULTIPLE_WIDTH : 0,
      nodes: pointed.map((m) => {
        const p = layout.positions.get(m.id)!;
        return [m.slug, m.name, Math.round(p.x), Math.round(p.y), counts.get(m.id) ?? 0, scope.length <= LABEL_LIMIT ? 1 : 0];
      }),
      links: thinned.drawn.map((l) => [index.get(l.a)!, index.get(l.b)!, l.weight]),
      selected: -1,
      label: "Kommunene og samarbeidet mellom dem",
      boundaries: boundaries(scope, layout.projection),
      groups: layout.groups.length <= GROUP_LABEL_LIMIT ? layout.groups.map((g) => [regions.find((r) => r.id === g.regionId)?.name ?? "Uten region", Math.round(g.x), Math.round(g.y)]) : [],
      dense: scope.length > LABEL_LIMIT,
    };
  }

  const matrix = scope.length && scope.length <= MATRIX_LIMIT ? buildMatrix(scope, pairs) : null;
  const strongest = matrix ? [] : pairs.slice(0, 30).map((p) => ({ a: name(p.a), b: name(p.b), weight: p.weight }));

  const small = scaled(layout.positions, factor);
  const items: SmallMultiple[] = reportAreas.map((r) => {
    const areaPairs = byArea.pairs.filter((p) => r.ids.includes(p.taskAreaId));
    const merged = mergePairs(areaPairs);
    const involved = new Set(merged.flatMap((p) => [p.a, p.b]));
    const shown = merged.slice(0, scope.length > NODE_LIMIT ? MULTIPLE_LINK_LIMIT / 2 : MULTIPLE_LINK_LIMIT);
    return {
      figure: r.figure,
      title: r.title,
      slug: r.slugs[0]!,
      arrangements: r.ids.reduce((sum, id) => sum + (byArea.arrangements.get(id) ?? 0), 0),
      municipalities: involved.size,
      // Above NODE_LIMIT the dark dots are the ends of the drawn links (the grey ones are all the scope).
      dots: dots([...(scope.length > NODE_LIMIT ? new Set(shown.flatMap((p) => [p.a, p.b])) : involved)].map((id) => small.get(id))),
      lines: shown.map((p) => line(small.get(p.a), small.get(p.b))).join(""),
      shownLinks: shown.length,
      totalLinks: merged.length,
    };
  });

  return {
    date,
    problems,
    options: {
      regions: regions.map((r) => ({ slug: r.slug, name: r.name })),
      taskAreas: taskAreas.map((t) => ({ slug: t.slug, name: t.name })),
      sectors: sectors.map((s) => ({ code: s.code, name: s.name })),
    },
    scope: { label: region ? region.name : "Kommunene i kartleggingen", regionSlug: region?.slug ?? null, municipalities: scope.length },
    filterLabel: [taskArea?.name, sector?.name].filter(Boolean).join(", ") || null,
    geographic: layout.projection !== null,
    hasBoundaries: drawing.boundaries.length > 0,
    drawing,
    links: { total: pairs.length, drawn: thinned.drawn.length, minWeight: thinned.minWeight, capped: thinned.capped },
    arrangementsInScope,
    ego: egoData,
    matrix,
    strongest,
    multiples: { width: MULTIPLE_WIDTH, height: Math.round(layout.height * factor), background: dots(scope.map((m) => small.get(m.id))), dense: scope.length > LABEL_LIMIT, items },
  };
}

/** Boundaries of the municipalities in scope from kommunegrenser.geojson (none without the file or without coordinates). */
function boundaries(scope: GraphMunicipality[], projection: Projection | null): string[] {
  if (!projection) return [];
  const codes = new Set(scope.map((m) => m.code).filter(Boolean));
  return loadBoundaries()
    .filter((b) => codes.has(b.code))
    .map((b) => polygonPath(b.polygons, projection))
    .filter(Boolean);
}

function buildMatrix(scope: GraphMunicipality[], pairs: Pair[]): MatrixData {
  const index = new Map(scope.map((m, i) => [m.id, i]));
  const values = scope.map(() => scope.map(() => 0));
  let max = 0;
  for (const p of pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined) continue;
    values[i]![j] = p.weight;
    values[j]![i] = p.weight;
    max = Math.max(max, p.weight);
  }
  return { municipalities: scope.map((m) => ({ slug: m.slug, name: m.name })), values, max };
}

/** Pairs of several task areas (one figure) put together, for drawing (an arrangement in two of the areas adds to the weight twice). */
function mergePairs(pairs: Pair[]): Pair[] {
  const merged = new Map<string, Pair>();
  for (const p of pairs) {
    const key = `${p.a}-${p.b}`;
    const found = merged.get(key);
    if (found) found.weight += p.weight;
    else merged.set(key, { a: p.a, b: p.b, weight: p.weight });
  }
  return [...merged.values()].sort((x, y) => y.weight - x.weight);
}
