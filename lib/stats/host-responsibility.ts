import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { arrangementsPerMunicipality, type MunicipalityArrangementCount } from "./arrangements-per-municipality";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

/**
 * Tabell 3.2: per municipality in scope, arrangements it hosts (vertskommuneansvar), arrangements
 * hosted by another municipality (bistand fra andre) and the total; sorted like the report (most
 * hosting first). Arrangements without a registered host count in the total only.
 */
export async function hostResponsibilityByMunicipality(query: StatsQuery): Promise<MunicipalityArrangementCount[]> {
  const rows = await arrangementsPerMunicipality(query);
  return rows.sort((a, b) => b.hosts - a.hosts || b.arrangements - a.arrangements || a.name.localeCompare(b.name, "nb"));
}

export interface HostOutsideScope {
  slug: string;
  name: string;
  arrangements: number;
}

export interface HostSummary {
  arrangements: number;
  withHost: number;
  hostedInside: number;
  hostedOutside: number;
  hostsOutside: HostOutsideScope[];
}

/**
 * Fotnote 9: arrangements in scope whose host lies outside the scope (Tønsberg 13, Gjøvik 6 … 46 in
 * all), grouped by host; plus how many arrangements have a host at all.
 */
type HostRow = { slug: string | null; name: string | null; inside: boolean; arrangements: number };

export const hostSummaryStatistic = defineStatistic({
  name: "hostSummary",
  pass: "arrangements",
  // Counted per host id first, then the (few hundred) hosts get their names and scope.
  select: () => Prisma.sql`SELECT h.slug, h.name, (s.id IS NOT NULL) AS inside, c.arrangements
    FROM (SELECT sa."hostMunicipalityId" AS id, count(*)::int AS arrangements FROM scoped_a sa GROUP BY sa."hostMunicipalityId") c
    LEFT JOIN "Municipality" h ON h.id = c.id
    LEFT JOIN scope_m s ON s.id = c.id
    ORDER BY c.arrangements DESC, h.name`,
  shape: (rows: HostRow[]): HostSummary => summarizeHosts(rows),
});

export const hostSummary = (query: StatsQuery) => computeStatistic(hostSummaryStatistic, query);

function summarizeHosts(rows: HostRow[]): HostSummary {
  const outside = rows.filter((r) => r.slug !== null && !r.inside);
  const sum = (list: typeof rows) => list.reduce((s, r) => s + r.arrangements, 0);
  return {
    arrangements: sum(rows),
    withHost: sum(rows.filter((r) => r.slug !== null)),
    hostedInside: sum(rows.filter((r) => r.slug !== null && r.inside)),
    hostedOutside: sum(outside),
    hostsOutside: outside.map((r) => ({ slug: r.slug!, name: r.name!, arrangements: r.arrangements })),
  };
}
