import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { parseArrangementFilters, type ArrangementFilters, type SearchParamsLike } from "@/lib/arrangements/filters";
import { arrangementRows, matchingArrangementIds, resolveArrangementFilters } from "@/lib/arrangements/list";
import type { UnknownFilterValue } from "@/lib/arrangements/types";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { loadBoundaries, polygonPath } from "./boundaries";
import { boundsOf, createProjection } from "./projection";

export interface MapNode {
  id: number;
  slug: string;
  name: string;
  code: string | null;
  x: number;
  y: number;
  count: number;
  surveyed: boolean;
  arrangementIds: number[];
}

export interface MapLink {
  key: string;
  a: number;
  b: number;
  weight: number;
  arrangementIds: number[];
}

export interface MapArrangement {
  id: number;
  slug: string;
  name: string;
}

export interface MapData {
  width: number;
  height: number;
  nodes: MapNode[];
  links: MapLink[];
  arrangements: MapArrangement[];
  /** Participants without coordinates (not drawn; listed). */
  unplaced: string[];
  polygons: { code: string; path: string; value: number; name: string | null }[];
  totalLinks: number;
  minWeight: number;
  date: string;
  unknown: UnknownFilterValue[];
}

const mapOptionsSchema = z.object({
  ordning: z
    .string()
    .regex(/^[a-z0-9-]{1,200}$/, "Ugyldig ordning")
    .optional(),
  minst: z
    .string()
    .regex(/^\d{1,3}$/, "minst må være et helt tall")
    .transform(Number)
    .pipe(z.number().int().min(1, "minst må være minst 1").max(100, "minst kan være høyst 100"))
    .optional(),
});

export type MapParseResult = { ok: true; filters: ArrangementFilters; ordning?: string; minst: number } | { ok: false; message: string };

/** The map takes the /ordninger filters plus `ordning` (one arrangement) and `minst` (minimum shared). */
export function parseMapParams(params: URLSearchParams | SearchParamsLike): MapParseResult {
  const search = params instanceof URLSearchParams ? params : toParams(params);
  const base = parseArrangementFilters(search);
  const extra = mapOptionsSchema.safeParse({ ordning: search.get("ordning") || undefined, minst: search.get("minst") || undefined });
  if (!base.ok) return { ok: false, message: base.message };
  if (!extra.success) return { ok: false, message: `Ugyldige parametere – ${extra.error.issues.map((i) => i.message).join("; ")}` };
  return { ok: true, filters: base.filters, ordning: extra.data.ordning, minst: extra.data.minst ?? 1 };
}

function toParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(record)) for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) p.append(k, x);
  return p;
}

/** Pairs of municipalities that share arrangements: weight = number shared. */
export function buildLinks(arrangements: { id: number; participantIds: number[] }[]): MapLink[] {
  const links = new Map<string, MapLink>();
  for (const a of arrangements) {
    const ids = [...new Set(a.participantIds)].sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}-${ids[j]}`;
        const link = links.get(key) ?? { key, a: ids[i]!, b: ids[j]!, weight: 0, arrangementIds: [] };
        link.weight += 1;
        link.arrangementIds.push(a.id);
        links.set(key, link);
      }
    }
  }
  return [...links.values()].sort((x, y) => y.weight - x.weight || x.key.localeCompare(y.key));
}

export async function mapData(filters: ArrangementFilters, options: { ordning?: string; minst?: number; empty?: boolean } = {}): Promise<MapData> {
  const resolved = await resolveArrangementFilters(filters, options.empty ? { ids: [] } : {});
  let ids = await matchingArrangementIds(resolved);
  const unknown = [...resolved.unknown];
  if (options.ordning) {
    const one = await prisma.arrangement.findUnique({ where: { slug: options.ordning }, select: { id: true } });
    if (!one) unknown.push({ parameter: "ordning", value: options.ordning, message: `Fant ingen ordning «${options.ordning}»` });
    ids = one ? ids.filter((id) => id === one.id) : [];
  }
  const rows = unknown.length ? [] : await arrangementRows(ids, resolved.date);
  const participantIds = new Set(rows.flatMap((r) => r.participants.map((p) => p.id)));
  const municipalities = await prisma.municipality.findMany({
    where: { OR: [{ id: { in: [...participantIds] } }, { inSurveyScope: true }] },
    orderBy: { id: "asc" },
    select: { id: true, slug: true, name: true, latitude: true, longitude: true, inSurveyScope: true, codes: { where: CURRENT_WHERE, select: { code: true } } },
  });
  const placed = municipalities.filter((m) => m.latitude !== null && m.longitude !== null);
  const projection = createProjection(boundsOf(placed.map((m) => ({ lat: m.latitude!, lon: m.longitude! }))));
  const memberships = new Map<number, number[]>();
  for (const r of rows) for (const p of r.participants) memberships.set(p.id, [...(memberships.get(p.id) ?? []), r.id]);
  const collator = new Intl.Collator("nb");
  const nodes: MapNode[] = placed
    .filter((m) => participantIds.has(m.id) || m.inSurveyScope)
    .map((m) => ({
      id: m.id,
      slug: m.slug,
      name: m.name,
      code: m.codes[0]?.code ?? null,
      ...projection.project(m.latitude!, m.longitude!),
      count: memberships.get(m.id)?.length ?? 0,
      surveyed: m.inSurveyScope,
      arrangementIds: memberships.get(m.id) ?? [],
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const placedIds = new Set(nodes.map((n) => n.id));
  const allLinks = buildLinks(rows.map((r) => ({ id: r.id, participantIds: r.participants.map((p) => p.id).filter((id) => placedIds.has(id)) })));
  const minWeight = options.minst ?? 1;
  const byCode = new Map(nodes.filter((n) => n.code).map((n) => [n.code!, n]));
  const polygons = loadBoundaries().map((b) => ({ code: b.code, path: polygonPath(b.polygons, projection), value: byCode.get(b.code)?.count ?? 0, name: byCode.get(b.code)?.name ?? null }));
  return {
    width: projection.width,
    height: projection.height,
    nodes,
    links: allLinks.filter((l) => l.weight >= minWeight),
    arrangements: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name })),
    unplaced: municipalities.filter((m) => participantIds.has(m.id) && (m.latitude === null || m.longitude === null)).map((m) => m.name),
    polygons,
    totalLinks: allLinks.length,
    minWeight,
    date: resolved.date,
    unknown,
  };
}

/** Every arrangement's slug and name, for the map's "one arrangement" choice. */
export async function arrangementOptions(): Promise<{ slug: string; name: string }[]> {
  const rows = await prisma.arrangement.findMany({ select: { slug: true, name: true } });
  const collator = new Intl.Collator("nb");
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}
