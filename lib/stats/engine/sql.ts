import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { arrangementActiveOn, participationActiveOn, validOn } from "@/lib/domain/sql/activity";
import { countyMapDateOf, scopeCondition, type StatsQuery } from "./scope";

/* The SQL building blocks of every statistic: the as-of rules and the common CTEs (docs/decisions/0025, 0028). */

/**
 * The survey's home county and the neighbouring counties the report groups crossings by (avsnitt
 * 2.5). Each gets one bit of an arrangement's `countyFlags` (see baseCtes); every other county
 * shares the last bit. The classification itself is in cross-county.ts.
 */
export const COUNTY_FLAGS = { Buskerud: 1, Vestfold: 2, Telemark: 4, Innlandet: 8, Akershus: 16, Oslo: 32, other: 64 } as const;

/**
 * Task areas are numbered 0, 1, 2 … (by id) for the per-municipality task-area mask of baseCtes; a
 * bigint holds 64 of them. The registry has 45 (Tabell 3.1). Task areas numbered 64 or higher are
 * counted the plain way (a join and DISTINCT), so the numbers stay right if more are added.
 */
export const TASK_AREA_MASK_BITS = 64;

/**
 * The rule "participation p in arrangement a is valid on the day", in two halves that the passes
 * apply at different points: the arrangement exists on the day and the municipality takes part on
 * the day. Both are the registry's one definition (lib/domain/activity.ts), shared with the
 * registry pages, the map and the API.
 */
function arrangementExists(query: StatsQuery, alias: string): Prisma.Sql {
  return arrangementActiveOn(alias, query.asOf);
}

function participationValid(query: StatsQuery, alias: string): Prisma.Sql {
  return participationActiveOn(alias, query.asOf);
}

function activeParticipation(query: StatsQuery, p: string, a: string): Prisma.Sql {
  return Prisma.sql`${arrangementExists(query, a)} AND ${participationValid(query, p)}`;
}

/**
 * Each municipality's county on `mapDate` (municipalityId, name): at most one row per municipality,
 * the membership that started last if the data should ever give two.
 */
export function countyOnSql(mapDate: string): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (mc."municipalityId") mc."municipalityId", c.name
        FROM "MunicipalityCounty" mc JOIN "County" c ON c.id = mc."countyId"
        WHERE ${validOn("mc", mapDate)}
        ORDER BY mc."municipalityId", mc."validFrom" DESC`;
}

export interface NamedCte {
  name: string;
  sql: Prisma.Sql;
  /** Computed once into a small table even where it is read once (so a join probes one hash table). */
  materialized?: boolean;
}

/**
 * The common CTEs of every statistic (docs/decisions/0025, 0028). The row-heavy work (tens of
 * thousands of participations) is ONE pass over the participations grouped by arrangement
 * (`scoped_a`) and ONE grouped by municipality (`per_municipality`); every statistic then
 * aggregates over small sets. A statement gets only the CTEs it refers to (withCtes), so a CTE used
 * once is inlined by PostgreSQL and no statement pays for a pass it does not use.
 * - scope_m: the municipalities in scope;
 * - m_facts: per municipality: in scope or not, and its county on the county map date as a number
 *   (`county`, equal names equal numbers; null without a county that day) and as a flag bit
 *   (COUNTY_FLAGS; 0 without a county);
 * - active_p (for the detail listings): participations valid on the day (activeParticipation), for
 *   all municipalities (also outside the scope), with the arrangement's host and the
 *   municipality's facts;
 * - scoped_a: ONE pass over the active participations grouped by arrangement: the active
 *   arrangements with at least one active participant in scope, with the Arrangement columns the
 *   statistics use, `participants` (active participants, also outside the scope),
 *   `scopeParticipants` (those in scope), whether they lie in two or more counties (`crosses`) and
 *   the bit-or of their county flags (`countyFlags`);
 * - area_bit / arrangement_facts: each task area's bit number; per arrangement existing on the day,
 *   its host and the bigint mask of its task areas (bits below TASK_AREA_MASK_BITS);
 * - per_municipality: ONE pass over the valid participations of the municipalities in scope,
 *   grouped by municipality: arrangements, hosts, assisted, and the bit-or of the task-area masks of
 *   its arrangements (`areas`);
 * - area_municipalities: per task area, the municipalities in scope taking part in at least one
 *   active arrangement of the area: a bit test on per_municipality.areas (45 × municipalities rows
 *   instead of a DISTINCT over 23 000 (task area, municipality) rows); task areas beyond the mask
 *   by a DISTINCT over their own participations;
 * - area_arrangements: per task area, the arrangements of the area in scope.
 * Task areas and arrangements with nothing in scope are absent from the per-area CTEs.
 * Every pass counts rows with plain count(*): a municipality never has two participations in one
 * arrangement valid on the same day (trigger `participation_no_overlap`, docs/decisions/0028), so
 * one valid participation is one (arrangement, municipality).
 */
export function baseCtes(query: StatsQuery): NamedCte[] {
  const mapDate = countyMapDateOf(query);
  const flag = (name: keyof typeof COUNTY_FLAGS) => Prisma.raw(String(COUNTY_FLAGS[name]));
  const maskBits = Prisma.raw(String(TASK_AREA_MASK_BITS));
  return [
    { name: "scope_m", sql: Prisma.sql`SELECT m.id FROM "Municipality" m WHERE ${scopeCondition(query.scope)}` },
    {
      name: "m_facts",
      sql: Prisma.sql`SELECT m.id, (s.id IS NOT NULL) AS "inScope", cm.county, coalesce(cm.flag, 0) AS flag
      FROM "Municipality" m
      LEFT JOIN scope_m s ON s.id = m.id
      LEFT JOIN (
        SELECT co."municipalityId", dense_rank() OVER (ORDER BY co.name)::int AS county,
          (CASE co.name WHEN 'Buskerud' THEN ${flag("Buskerud")} WHEN 'Vestfold' THEN ${flag("Vestfold")} WHEN 'Telemark' THEN ${flag("Telemark")}
            WHEN 'Innlandet' THEN ${flag("Innlandet")} WHEN 'Akershus' THEN ${flag("Akershus")} WHEN 'Oslo' THEN ${flag("Oslo")} ELSE ${flag("other")} END) AS flag
        FROM (${countyOnSql(mapDate)}) co
      ) cm ON cm."municipalityId" = m.id`,
    },
    {
      name: "active_p",
      sql: Prisma.sql`SELECT p."arrangementId", p."municipalityId", a."hostMunicipalityId" AS "hostId", mf."inScope", mf.county, mf.flag
      FROM "Participation" p
      JOIN "Arrangement" a ON a.id = p."arrangementId"
      JOIN m_facts mf ON mf.id = p."municipalityId"
      WHERE ${activeParticipation(query, "p", "a")}`,
    },
    {
      // One pass over the valid participations grouped by arrangement; the arrangement's own
      // columns and the rule "exists on the day" are joined to the 3 600 groups afterwards, not
      // to each of the 19 000 participations.
      name: "scoped_a",
      sql: Prisma.sql`SELECT a.id, a.slug, a.name, a."correctedName", a."sectorId", a."legalFormId", a."hostMunicipalityId",
        a."establishedYear", a."establishedPeriodFrom", a."establishedPeriodTo", a."establishedUnspecified",
        a."statedParticipantCount", f.participants, f."scopeParticipants", f.crosses, f."countyFlags"
      FROM (
        SELECT p."arrangementId" AS id,
          count(*)::int AS participants,
          count(*) FILTER (WHERE mf."inScope")::int AS "scopeParticipants",
          coalesce(min(mf.county) <> max(mf.county), FALSE) AS crosses,
          bit_or(mf.flag) AS "countyFlags"
        FROM "Participation" p
        JOIN m_facts mf ON mf.id = p."municipalityId"
        WHERE ${participationValid(query, "p")}
        GROUP BY p."arrangementId"
      ) f
      JOIN "Arrangement" a ON a.id = f.id
      WHERE f."scopeParticipants" > 0 AND ${arrangementExists(query, "a")}`,
    },
    { name: "area_bit", sql: Prisma.sql`SELECT t.id, (row_number() OVER (ORDER BY t.id) - 1)::int AS bit FROM "TaskArea" t` },
    {
      // Per arrangement existing on the day: its host and the mask of its task areas, so the
      // per-municipality pass joins each participation with ONE small table (materialized, or the
      // planner joins Arrangement and the masks to each participation separately).
      name: "arrangement_facts",
      materialized: true,
      sql: Prisma.sql`SELECT a.id, a."hostMunicipalityId" AS "hostId", coalesce(m.mask, 0) AS areas
      FROM "Arrangement" a
      LEFT JOIN (
        SELECT ata."arrangementId" AS id, bit_or(1::bigint << ab.bit) AS mask
        FROM "ArrangementTaskArea" ata JOIN area_bit ab ON ab.id = ata."taskAreaId"
        WHERE ab.bit < ${maskBits}
        GROUP BY ata."arrangementId"
      ) m ON m.id = a.id
      WHERE ${arrangementExists(query, "a")}`,
    },
    {
      name: "per_municipality",
      sql: Prisma.sql`SELECT p."municipalityId" AS id,
        count(*)::int AS arrangements,
        count(*) FILTER (WHERE af."hostId" = p."municipalityId")::int AS hosts,
        count(*) FILTER (WHERE af."hostId" <> p."municipalityId")::int AS assisted,
        bit_or(af.areas) AS areas
      FROM "Participation" p
      JOIN arrangement_facts af ON af.id = p."arrangementId"
      WHERE p."municipalityId" IN (SELECT id FROM scope_m) AND ${participationValid(query, "p")}
      GROUP BY p."municipalityId"`,
    },
    {
      name: "area_municipalities",
      // The second branch (task areas beyond the mask) starts from area_bit, finds no task area
      // there today and stops at once.
      sql: Prisma.sql`SELECT ab.id AS "taskAreaId", count(*)::int AS municipalities
      FROM area_bit ab JOIN per_municipality pm ON (pm.areas >> ab.bit) & 1 = 1
      WHERE ab.bit < ${maskBits}
      GROUP BY ab.id
      UNION ALL
      SELECT d."taskAreaId", count(*)::int
      FROM (
        SELECT DISTINCT ata."taskAreaId", p."municipalityId"
        FROM area_bit ab
        JOIN "ArrangementTaskArea" ata ON ata."taskAreaId" = ab.id
        JOIN "Participation" p ON p."arrangementId" = ata."arrangementId"
        JOIN "Arrangement" a ON a.id = p."arrangementId"
        WHERE ab.bit >= ${maskBits} AND p."municipalityId" IN (SELECT id FROM scope_m) AND ${activeParticipation(query, "p", "a")}
      ) d
      GROUP BY d."taskAreaId"`,
    },
    {
      name: "area_arrangements",
      sql: Prisma.sql`SELECT ata."taskAreaId", count(*)::int AS arrangements
      FROM "ArrangementTaskArea" ata JOIN scoped_a sa ON sa.id = ata."arrangementId"
      GROUP BY ata."taskAreaId"`,
    },
  ];
}

/** The literal SQL text of a fragment (its strings, without the bound values). */
const textOf = (sql: Prisma.Sql) => sql.strings.join(" ");
const refersTo = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);

/**
 * `WITH <the common CTEs the statement needs>, <its own CTEs> <select>`. Only the common CTEs the
 * statement refers to (directly or through another CTE) are written: PostgreSQL inlines a CTE
 * referred to once and materializes one referred to more often, counting references from every
 * CTE written, used or not.
 */
export function withCtes(query: StatsQuery, select: Prisma.Sql, own?: Prisma.Sql): Prisma.Sql {
  const ctes = baseCtes(query);
  const needed = new Set<string>();
  let texts = [textOf(select), ...(own ? [textOf(own)] : [])];
  while (texts.length > 0) {
    const found = ctes.filter((c) => !needed.has(c.name) && texts.some((t) => refersTo(t, c.name)));
    found.forEach((c) => needed.add(c.name));
    texts = found.map((c) => textOf(c.sql));
  }
  const list = ctes.filter((c) => needed.has(c.name)).map((c) => Prisma.sql`${Prisma.raw(c.name)} AS ${Prisma.raw(c.materialized ? "MATERIALIZED " : "")}(${c.sql})`);
  if (own) list.push(own);
  return list.length === 0 ? select : Prisma.sql`WITH ${Prisma.join(list, ",\n    ")} ${select}`;
}
