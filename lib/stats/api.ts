import "server-only";
import { prisma } from "@/lib/db";
import { ESTABLISHMENT_PERIODS } from "@/lib/domain/establishment";
import { readReportFigures } from "@/lib/domain/report-figures";
import { arrangementsPerMunicipality } from "./arrangements-per-municipality";
import { statisticsOverview } from "./overview";
import type { StatsQuery } from "./engine/scope";
import { participationByTaskArea } from "./task-area-participation";

/** JSON bodies of the open statistics API (/api/v1/statistikk…); Norwegian field names, see lib/openapi/statistics.ts. */

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

const PERIOD_KEYS = Object.fromEntries(ESTABLISHMENT_PERIODS.map((p) => [p.key, p.apiKey]));

function scopeBody(query: StatsQuery) {
  return query.scope.kind === "region" ? { region: query.scope.slug } : query.scope.kind === "all" ? { region: "alle" } : { region: null };
}

export async function statisticsApiBody(query: StatsQuery) {
  const o = await statisticsOverview(query);
  return {
    dato: query.asOf,
    ...scopeBody(query),
    antallOrdninger: o.totals.arrangements,
    antallKommuner: o.totals.municipalities,
    snittPerKommune: round(o.municipalities.mean),
    snittEtterStorrelse: o.municipalities.byPopulationClass.map((c) => ({ klasse: c.key, navn: c.label, antallKommuner: c.municipalities, snitt: round(c.mean) })),
    nivaa: { lokalt: o.levels.local, regionalt: o.levels.regional, hoyere: o.levels.higher },
    sektorer: o.sectors.map((s) => ({ kode: s.code, navn: s.name, antall: s.arrangements })),
    etablering: o.establishmentPeriods.map((p) => ({ periode: PERIOD_KEYS[p.key], navn: p.label, antall: p.arrangements })),
    nyeOrdninger: o.newArrangements,
    fylkesgrenser: {
      totalt: o.crossCounty.total,
      fylkeskartPer: o.crossCounty.countyMapDate,
      grupper: o.crossCounty.groups.map((g) => ({ kode: g.key, navn: g.name, antall: g.arrangements })),
    },
    juridiskeFormer: o.legalForms.map((l) => ({ kode: l.code, navn: l.name, antall: l.arrangements })),
    rapport2021: {
      antallOrdninger: o.report.arrangements,
      snittPerKommune: o.report.mean,
      nivaa: o.report.levels ? { lokalt: o.report.levels.local, regionalt: o.report.levels.regional, hoyere: o.report.levels.higher } : null,
      fylkesgrenser: o.report.crossCounty,
    },
  };
}

export async function municipalitiesApiBody(query: StatsQuery) {
  const [rows, baseline] = await Promise.all([arrangementsPerMunicipality(query), readReportFigures(prisma, ["perMunicipality"] as const)]);
  const printed = new Map((baseline.perMunicipality ?? []).map((r) => [r.municipality, r]));
  return {
    dato: query.asOf,
    ...scopeBody(query),
    kommuner: rows.map((r) => {
      const p = printed.get(r.slug);
      return {
        kommunenummer: r.code,
        kommunenummer2021: r.code2021,
        navn: r.name,
        innbyggere: r.population,
        antallOrdninger: r.arrangements,
        vertskommuneFor: r.hosts,
        medBistandFraAndre: r.assisted,
        utenRegistrertVertskommune: r.withoutHost,
        rapport2021: p ? { antallOrdninger: p.total, vertskommuneFor: p.hosts } : null,
      };
    }),
  };
}

export async function taskAreasApiBody(query: StatsQuery) {
  const [rows, baseline] = await Promise.all([participationByTaskArea(query), readReportFigures(prisma, ["taskAreas"] as const)]);
  const printed = new Map((baseline.taskAreas ?? []).map((t) => [t.taskArea, t]));
  return {
    dato: query.asOf,
    ...scopeBody(query),
    oppgaver: rows.map((r) => {
      const p = printed.get(r.slug);
      return {
        kode: r.slug,
        navn: r.name,
        antallKommuner: r.municipalities,
        prosent: round(r.percent, 1),
        antallOrdninger: r.arrangements,
        rapport2021: p ? { antallKommuner: p.count, prosent: p.percent } : null,
        trondelag2020Prosent: p?.trondelag2020Percent ?? null,
      };
    }),
  };
}
