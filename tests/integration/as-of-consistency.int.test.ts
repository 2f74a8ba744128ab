import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInNorway } from "@/lib/domain/today";
import { useSeededRegistry } from "../helpers/database.ts";

/**
 * Issue #12: the registry list (/ordninger), GET /api/v1/ordninger, GET /api/v1/statistikk and the
 * map count the same arrangements "as of" a day, for every day and scope, because they all use the
 * one definition in lib/domain/activity.ts.
 *
 * What each counts, so the comparison is like with like:
 * - the statistics count the arrangements that exist on D and have at least one municipality of the
 *   scope taking part on D (docs/decisions/0020, "in scope");
 * - the list, the API and the map with `dato=D` and `kommune`/`region` count the arrangements active
 *   on D with at least one of those municipalities taking part on D (docs/decisions/0030).
 * So each scope is written as the list's filters: the 25 surveyed = `kommune` with their ids, a
 * kommuneregion = `region=<slug>`, all = `kommune` with every municipality in the registry (159,
 * below the filter's limit of 200 values). The unfiltered list (`/ordninger?dato=D`) is NOT the
 * "all" scope: it also lists an arrangement active on D that nobody takes part in on D (e.g. all
 * its members joined later), which no statistic counts; it is checked separately below.
 */
let db: { url: string; drop(): Promise<void> };
let surveyed: string[] = [];
let everyone: string[] = [];

/** An arrangement given an end date, so the dates around an end are walked too (the seed has none). */
const ENDED = { date: "2023-06-30" };

beforeAll(async () => {
  db = await useSeededRegistry();
  const { prisma } = await import("@/lib/db");
  const municipalities = await prisma.municipality.findMany({ select: { slug: true, inSurveyScope: true }, orderBy: { id: "asc" } });
  surveyed = municipalities.filter((m) => m.inSurveyScope).map((m) => m.slug);
  everyone = municipalities.map((m) => m.slug);
  // One arrangement of Hallingdal known by its year ends on 2023-06-30 (inclusive: active that day).
  const hallingdal = await prisma.arrangement.findFirstOrThrow({
    where: { establishedYear: null, establishedPeriodFrom: null, participations: { some: { municipality: { region: { slug: "hallingdal" } } } } },
    orderBy: { id: "asc" },
  });
  await prisma.arrangement.update({ where: { id: hallingdal.id }, data: { endDate: new Date(`${ENDED.date}T00:00:00Z`) } });
});

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

/**
 * 1990 to today, with the edges: established years in the seed (1952, 2005, 2011, 2021), the
 * Tabell 2.2 period 2015–2021 (period-only arrangements), members joining 2020-06-01 and
 * 2021-01-01, members leaving 2021-12-31, the county/code reforms 2020-01-01 and 2024-01-01, the
 * survey date, and the end date set above.
 */
const DATES = [
  "1990-01-01",
  "1999-12-31",
  "2005-01-01",
  "2010-01-01",
  "2011-06-15",
  "2014-12-31",
  "2015-01-01",
  "2018-06-01",
  "2019-12-31",
  "2020-01-01",
  "2020-05-31",
  "2020-06-01",
  "2020-12-31",
  "2021-01-01",
  "2021-11-01",
  "2021-12-31",
  "2022-01-01",
  "2023-06-30",
  "2023-07-01",
  "2023-12-31",
  "2024-01-01",
  todayInNorway(),
];

type Scope = { name: string; list: () => URLSearchParams; stats: string };
const SCOPES: Scope[] = [
  { name: "the 25 surveyed", list: () => new URLSearchParams(surveyed.map((s) => ["kommune", s])), stats: "" },
  { name: "region hallingdal", list: () => new URLSearchParams({ region: "hallingdal" }), stats: "&region=hallingdal" },
  { name: "all municipalities", list: () => new URLSearchParams(everyone.map((s) => ["kommune", s])), stats: "&region=alle" },
];

async function allMunicipalityIds(): Promise<number[]> {
  const { prisma } = await import("@/lib/db");
  return (await prisma.municipality.findMany({ select: { id: true } })).map((m) => m.id);
}

async function counts(date: string, scope: Scope) {
  const { parseArrangementFilters } = await import("@/lib/arrangements/filters");
  const { listResolved, resolveArrangementFilters } = await import("@/lib/arrangements/list");
  const { distinctArrangements, loadMapView, municipalitiesWhere } = await import("@/lib/map");
  const ordningerRoute = await import("@/app/api/v1/ordninger/route");
  const statistikkRoute = await import("@/app/api/v1/statistikk/route");

  const params = scope.list();
  params.set("dato", date);
  // /ordninger: the page parses its searchParams and calls listResolved (app/ordninger/page.tsx).
  const parsed = parseArrangementFilters(params);
  if (!parsed.ok) throw new Error(parsed.message);
  const page = await listResolved(await resolveArrangementFilters(parsed.filters));
  // GET /api/v1/ordninger with the same query string.
  const apiList = await ordningerRoute.GET(new Request(`http://localhost/api/v1/ordninger?${params}`));
  expect(apiList.status).toBe(200);
  const apiListBody = (await apiList.json()) as { antallTotalt: number; dato: string };
  // GET /api/v1/statistikk for the same day and scope.
  const apiStats = await statistikkRoute.GET(new Request(`http://localhost/api/v1/statistikk?dato=${date}${scope.stats}`));
  expect(apiStats.status).toBe(200);
  const apiStatsBody = (await apiStats.json()) as { antallOrdninger: number; dato: string };
  // /kart: the same day and scope (the map's scopes are the surveyed municipalities or a region; "all" counts over every municipality).
  const mapped =
    scope.name === "all municipalities"
      ? {
          date,
          arrangementsInScope: await distinctArrangements(
            { date },
            (await municipalitiesWhere({ ids: await allMunicipalityIds() })).map((m) => m.id),
          ),
        }
      : await loadMapView({ dato: date, region: scope.name === "region hallingdal" ? "hallingdal" : undefined });
  expect([page.date, apiListBody.dato, apiStatsBody.dato, mapped.date]).toEqual([date, date, date, date]);
  return { list: page.total, apiList: apiListBody.antallTotalt, statistics: apiStatsBody.antallOrdninger, map: mapped.arrangementsInScope };
}

describe("as of a day, every count of arrangements agrees", () => {
  it("walks at least 20 dates from 1990 to today", () => {
    expect(new Set(DATES).size).toBeGreaterThanOrEqual(20);
    expect(DATES[0]).toBe("1990-01-01");
  });

  it.each(DATES)("on %s: /ordninger, /api/v1/ordninger, /api/v1/statistikk and the map give the same number in each scope", async (date) => {
    for (const scope of SCOPES) {
      const c = await counts(date, scope);
      expect({ scope: scope.name, ...c }).toEqual({ scope: scope.name, list: c.statistics, apiList: c.statistics, statistics: c.statistics, map: c.statistics });
    }
  });

  it("counts the period-only arrangements (Tabell 2.2, 2015–2021) from 2015, not before", async () => {
    const before = await counts("2014-12-31", SCOPES[0]!);
    const from = await counts("2015-01-01", SCOPES[0]!);
    // 62 arrangements are known only as "established 2015–2021". Before 2015: 221 − 62 − those
    // established 2021 (1) = 158 (the one established 2011 included; 157 in 2010).
    expect(from.statistics - before.statistics).toBe(62);
    expect(before.statistics).toBe(158);
  });

  it("gives /ordninger?dato=2010-01-01 (no scope) 157 active arrangements, as /statistikk?dato=2010-01-01", async () => {
    const { parseArrangementFilters } = await import("@/lib/arrangements/filters");
    const { listArrangements } = await import("@/lib/arrangements/list");
    const parsed = parseArrangementFilters(new URLSearchParams("dato=2010-01-01"));
    if (!parsed.ok) throw new Error(parsed.message);
    expect((await listArrangements(parsed.filters)).total).toBe(157);
    expect((await counts("2010-01-01", SCOPES[0]!)).statistics).toBe(157);
  });

  it("the unfiltered list counts the 'all' scope plus the active arrangements nobody takes part in that day", async () => {
    const { prisma } = await import("@/lib/db");
    const { parseArrangementFilters } = await import("@/lib/arrangements/filters");
    const { listArrangements } = await import("@/lib/arrangements/list");
    const { isArrangementActiveOn, isParticipationActiveOn } = await import("@/lib/domain/activity");
    const arrangements = await prisma.arrangement.findMany({ include: { participations: true } });
    for (const date of ["2015-01-01", "2020-05-31", "2021-11-01", ENDED.date, "2023-07-01"]) {
      const parsed = parseArrangementFilters(new URLSearchParams({ dato: date }));
      if (!parsed.ok) throw new Error(parsed.message);
      const unfiltered = (await listArrangements(parsed.filters)).total;
      const all = (await counts(date, SCOPES[2]!)).statistics;
      const active = arrangements.filter((a) => isArrangementActiveOn(a, date));
      const nobody = active.filter((a) => !a.participations.some((p) => isParticipationActiveOn(p, date))).length;
      expect({ date, unfiltered }).toEqual({ date, unfiltered: active.length });
      expect({ date, all }).toEqual({ date, all: active.length - nobody });
    }
  });

  it("an end date is inclusive: the ended arrangement counts on its last day and not the day after", async () => {
    const last = await counts(ENDED.date, SCOPES[1]!);
    const after = await counts("2023-07-01", SCOPES[1]!);
    expect(last.statistics - after.statistics).toBe(1);
  });
});
