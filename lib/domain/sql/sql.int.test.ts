import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "../../../tests/helpers/database.ts";
import { hasArrangementEndedBefore, isArrangementActiveOn, isParticipationActiveOn, isValidOn } from "../activity";
import { establishedPeriodOf, establishmentBucketOf, isEstablishedWithin, type EstablishmentFacts } from "../establishment";
import { levelOf } from "../levels";
import { arrangementActiveOn, arrangementEndedBefore, participationActiveOn, validOn } from "./activity";
import { establishedPeriodSql, establishedWithinSql, establishmentBucketSql } from "./establishment";
import { belowCooperationSql, levelSql } from "./levels";

/**
 * Each SQL fragment of lib/domain/sql gives, in PostgreSQL, the same answer as its TypeScript
 * predicate, over a grid of cases (VALUES rows; no tables needed).
 */
let db: { url: string; drop(): Promise<void> };
let client: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase("empty");
  const { createPrismaClient } = await import("@/lib/db");
  client = createPrismaClient(db.url);
});
afterAll(async () => {
  await client?.$disconnect();
  await db?.drop();
});

const DATES = ["1990-01-01", "2010-12-31", "2011-01-01", "2014-12-31", "2015-01-01", "2021-12-31", "2022-01-01", "2023-06-30", "2023-07-01"];

type Arrangement = EstablishmentFacts & { id: number; endDate: string | null };
const ARRANGEMENTS: Arrangement[] = [];
for (const establishedYear of [null, 1999, 2011, 2022])
  for (const [establishedPeriodFrom, establishedPeriodTo] of [
    [null, null],
    [2015, 2021],
    [2000, 2014],
    [2010, 2016],
    [null, 1999],
  ] as const)
    for (const establishedUnspecified of [false, true])
      for (const endDate of [null, "2023-06-30"]) ARRANGEMENTS.push({ id: ARRANGEMENTS.length + 1, establishedYear, establishedPeriodFrom, establishedPeriodTo, establishedUnspecified, endDate });

const arrangementRows = Prisma.join(
  ARRANGEMENTS.map(
    (a) => Prisma.sql`(${a.id}::int, ${a.establishedYear}::int, ${a.establishedPeriodFrom}::int, ${a.establishedPeriodTo}::int, ${a.establishedUnspecified}::boolean, ${a.endDate}::date)`,
  ),
);
const arrangementTable = Prisma.sql`(VALUES ${arrangementRows}) AS a(id, "establishedYear", "establishedPeriodFrom", "establishedPeriodTo", "establishedUnspecified", "endDate")`;

describe("lib/domain SQL = lib/domain TypeScript", () => {
  it.each(DATES)("arrangement active / ended on %s", async (date) => {
    const rows = await client.$queryRaw<{ id: number; active: boolean; ended: boolean }[]>`
      SELECT a.id, ${arrangementActiveOn("a", date)} AS active, ${arrangementEndedBefore("a", date)} AS ended FROM ${arrangementTable} ORDER BY a.id`;
    expect(rows).toEqual(ARRANGEMENTS.map((a) => ({ id: a.id, active: isArrangementActiveOn(a, date), ended: hasArrangementEndedBefore(a, date) })));
  });

  // "within" is a WHERE condition: unknown (null) selects nothing, like false.
  it("establishment periods, statistics buckets and 'new within'", async () => {
    const rows = await client.$queryRaw<{ id: number; period: string; bucket: string; within: boolean }[]>`
      SELECT a.id, ${establishedPeriodSql("a")} AS period, ${establishmentBucketSql("a")} AS bucket, coalesce(${establishedWithinSql("a", 2015, 2021)}, FALSE) AS within
      FROM ${arrangementTable} ORDER BY a.id`;
    expect(rows).toEqual(ARRANGEMENTS.map((a) => ({ id: a.id, period: establishedPeriodOf(a), bucket: establishmentBucketOf(a), within: isEstablishedWithin(a, 2015, 2021) })));
  });

  it.each(DATES)("participation active and code valid on %s", async (date) => {
    const spans = [
      [null, null],
      ["2011-01-01", null],
      [null, "2014-12-31"],
      ["2015-01-01", "2021-12-31"],
      ["2023-07-01", "2023-07-01"],
    ] as const;
    const values = Prisma.join(spans.map(([from, to], i) => Prisma.sql`(${i}::int, ${from}::date, ${to}::date)`));
    const rows = await client.$queryRaw<{ i: number; participation: boolean; valid: boolean | null }[]>`
      SELECT s.i, ${participationActiveOn("s", date)} AS participation,
        CASE WHEN v."validFrom" IS NULL THEN NULL ELSE ${validOn("v", date)} END AS valid
      FROM (VALUES ${values}) AS s(i, "joinedOn", "leftOn")
      JOIN (VALUES ${values}) AS v(i, "validFrom", "validTo") ON v.i = s.i
      ORDER BY s.i`;
    expect(rows).toEqual(
      spans.map(([from, to], i) => ({
        i,
        participation: isParticipationActiveOn({ joinedOn: from, leftOn: to }, date),
        // validFrom is NOT NULL in the schema: no rule for a missing one.
        valid: from === null ? null : isValidOn({ validFrom: from, validTo: to }, date),
      })),
    );
  });

  it("levels", async () => {
    const rows = await client.$queryRaw<{ n: number; level: string; single: boolean }[]>`
      SELECT n, ${levelSql(Prisma.sql`n`)} AS level, ${belowCooperationSql(Prisma.sql`n`)} AS single FROM generate_series(0, 12) n ORDER BY n`;
    expect(rows).toEqual(Array.from({ length: 13 }, (_, n) => ({ n, level: levelOf(n), single: n < 2 })));
  });
});
