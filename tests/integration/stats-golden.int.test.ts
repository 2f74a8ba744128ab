import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";

/**
 * Byte-for-byte regression test (issue #12): every statistic and every listing of the seeded 2021
 * registry as of 2021-11-01, serialised with stable key order and compared with the stored file
 * tests/fixtures/stats-golden-2021-11-01.json.
 *
 * Covered, for the scopes surveyed / region hallingdal / all:
 * - the whole statistics set (statisticsSet; each statistic run alone and the one-statement set
 *   must give the same values, checked here, not stored twice);
 * - the detail listings (LISTINGS);
 * - every statistics page's data, sections, detail listings and prose (the overview page included);
 * - the /api/v1/statistikk, /kommuner and /oppgaver payloads (through the route handlers);
 * and, once, the registry listing for dato=2021-11-01 (every row, the total and the facets).
 *
 * Database ids (`id` keys) are left out (the seed order may change without changing a figure), and
 * today's date (the default county map date, docs/decisions/0020) is written as "<i dag>".
 *
 * To regenerate the file after a deliberate change: UPDATE_GOLDEN=1 npx vitest run --project integration tests/integration/stats-golden.int.test.ts
 * and list the change in the commit message.
 */
const ASOF = "2021-11-01";
const FILE = path.join(import.meta.dirname, "..", "fixtures", "stats-golden-2021-11-01.json");
const SCOPES = [
  { key: "surveyed", region: null, scope: { kind: "surveyed" } },
  { key: "hallingdal", region: "hallingdal", scope: { kind: "region", slug: "hallingdal", name: "Hallingdal" } },
  { key: "all", region: "alle", scope: { kind: "all" } },
] as const;
/** The statistics pages by slug (kept here, not read from the code, so a lost page fails the test). */
const PAGE_SLUGS = ["oversikt", "kommuner", "etablering", "nivaa", "fylkesgrenser", "oppgaver", "vertskommuner", "tilknytningsformer", "sektorer", "bemanning", "tjenestestruktur"];

let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

/** Objects with their keys sorted, recursively; `id` keys dropped; Dates as ISO strings. */
function stable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== "id" && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, stable(v)]));
  }
  return value;
}

function todayStrings(): string[] {
  const now = new Date();
  const oslo = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const isoDays = [oslo, now.toISOString().slice(0, 10)];
  // Pages show days as 30.11.2026 (lib/format.ts formatShortDate).
  const shown = isoDays.map((d) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`);
  return [...new Set([...isoDays, ...shown])];
}

async function apiGet(route: "" | "/kommuner" | "/oppgaver", region: string | null): Promise<unknown> {
  const handler =
    route === "/kommuner"
      ? await import("@/app/api/v1/statistikk/kommuner/route")
      : route === "/oppgaver"
        ? await import("@/app/api/v1/statistikk/oppgaver/route")
        : await import("@/app/api/v1/statistikk/route");
  const response = await handler.GET(new Request(`http://localhost/api/v1/statistikk${route}?dato=${ASOF}${region ? `&region=${region}` : ""}`));
  expect(response.status, `/api/v1/statistikk${route} ${region}`).toBe(200);
  return response.json();
}

async function computeEverything(): Promise<Record<string, unknown>> {
  const stats = await import("@/lib/stats");
  const { loadStatPage } = await import("@/lib/stats/pages");
  const { parseArrangementFilters } = await import("@/lib/arrangements/filters");
  const { arrangementFacets } = await import("@/lib/arrangements/facets");
  const { listAllArrangements, listResolved, resolveArrangementFilters } = await import("@/lib/arrangements/list");

  const scopes: Record<string, unknown> = {};
  for (const s of SCOPES) {
    const query = { asOf: ASOF, scope: s.scope } as Parameters<typeof stats.statisticsSet>[0];
    const set = await stats.statisticsSet(query);
    expect(stable(await stats.statisticsSetInOneStatement(query)), `${s.key}: one statement`).toEqual(stable(set));
    for (const statistic of stats.STATISTICS) expect(stable(await statistic.compute(query)), `${s.key}: ${statistic.name} alone`).toEqual(stable(set[statistic.name]));
    const listings: Record<string, unknown> = {};
    for (const listing of stats.LISTINGS) listings[listing.name] = await listing.compute(query);
    const pages: Record<string, unknown> = {};
    for (const slug of PAGE_SLUGS) {
      const page = await loadStatPage(slug, query);
      expect(page, `${s.key}: page ${slug}`).not.toBeNull();
      pages[slug] = page;
    }
    const api = { statistikk: await apiGet("", s.region), kommuner: await apiGet("/kommuner", s.region), oppgaver: await apiGet("/oppgaver", s.region) };
    scopes[s.key] = { statistics: set, listings, pages, api };
  }

  const parsed = parseArrangementFilters(new URLSearchParams({ dato: ASOF }));
  if (!parsed.ok) throw new Error(parsed.message);
  const resolved = await resolveArrangementFilters(parsed.filters);
  const [all, page, facets] = await Promise.all([listAllArrangements(parsed.filters), listResolved(resolved), arrangementFacets(resolved)]);
  const registry = { total: page.total, status: page.status, date: page.date, rows: all.rows, facets };
  return { asOf: ASOF, scopes, registry };
}

/**
 * Two lossless shorthands keep the file a few hundred kB: a subtree (500+ characters) equal to one
 * written before is written as {"$same": "<path of the first>"}, and an array of objects as
 * {"$keys": [every key, sorted], "$rows": [[values in key order, null where absent], …]}.
 */
function compact(value: unknown): unknown {
  const seen = new Map<string, string>();
  const dedupe = (v: unknown, at: string): unknown => {
    if (!v || typeof v !== "object") return v;
    const json = JSON.stringify(v);
    if (json.length >= 500) {
      const first = seen.get(json);
      if (first !== undefined) return { $same: first };
      seen.set(json, at);
    }
    if (Array.isArray(v)) return v.map((x, i) => dedupe(x, `${at}/${i}`));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dedupe(x, `${at}/${k}`)]));
  };
  const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === "object" && !Array.isArray(v);
  const tabulate = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length > 1 && v.every((x) => isRecord(x) && !("$same" in x))) {
        const keys = [...new Set(v.flatMap((x) => Object.keys(x as object)))].sort();
        return { $keys: keys, $rows: v.map((x) => keys.map((k) => (k in (x as object) ? tabulate((x as Record<string, unknown>)[k]) : null))) };
      }
      return v.map(tabulate);
    }
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tabulate(x)]));
    return v;
  };
  return tabulate(dedupe(value, ""));
}

/** JSON, one line per value down to `depth` levels, the rest of each value on its line. */
function print(value: unknown, depth = 5, level = 0): string {
  if (level >= depth || value === null || typeof value !== "object") return JSON.stringify(value);
  const pad = " ".repeat(level + 1);
  const end = " ".repeat(level);
  const items = Array.isArray(value) ? value.map((v) => print(v, depth, level + 1)) : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${print(v, depth, level + 1)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return items.length === 0 ? `${open}${close}` : `${open}\n${items.map((i) => pad + i).join(",\n")}\n${end}${close}`;
}

function serialise(value: unknown): string {
  let text = `${print(compact(stable(value)))}\n`;
  for (const today of todayStrings()) text = text.split(today).join("<i dag>");
  return text;
}

describe(`every statistic and listing as of ${ASOF} (golden file)`, () => {
  it("is byte-for-byte what it was", async () => {
    const actual = serialise(await computeEverything());
    if (process.env.UPDATE_GOLDEN === "1") {
      writeFileSync(FILE, actual);
      return;
    }
    const expected = readFileSync(FILE, "utf8");
    if (actual !== expected) expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual === expected, "the serialised output differs from the golden file").toBe(true);
  }, 300_000);
});
