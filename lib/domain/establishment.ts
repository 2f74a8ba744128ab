/**
 * Establishment periods (Tabell 2.1), each rule once; the SQL is in ./sql/establishment.ts, built
 * from the same constants. Two vocabularies over the same boundaries:
 *  - the registry's facet `etablert` (ESTABLISHED_PERIODS): a known year, else the last year of a
 *    recorded period, decides the period; 2022 and later are "etter-2021";
 *  - the statistics' Tabell 2.1 (ESTABLISHMENT_PERIODS, docs/decisions/0020): a known year decides
 *    it; without a year, a recorded period decides it only when it lies wholly inside one bucket,
 *    otherwise "period-only"; "2015 og senere" includes the years after the survey.
 * On the registry's data (periods only 2015–2021, from Tabell 2.2) the two agree up to the
 * statistics merging "etter-2021" into "2015 og senere".
 */

/** The survey year: the report's last period ends here. */
export const SURVEY_YEAR = 2021;
/** First year of the report's newest period (2015–2021) and of the "new arrangements" of Tabell 2.2. */
export const RECENT_FROM = 2015;
/** First year of the period 2000–2014. */
export const MIDDLE_FROM = 2000;

export interface EstablishmentFacts {
  establishedYear: number | null;
  establishedPeriodFrom: number | null;
  establishedPeriodTo: number | null;
  establishedUnspecified: boolean;
}

/** The registry's periods (facet `etablert` of /ordninger and the API), in display order. */
export const ESTABLISHED_PERIODS = [
  { id: "etter-2021", label: `${SURVEY_YEAR + 1} eller senere` },
  { id: "2015-2021", label: `${RECENT_FROM}–${SURVEY_YEAR}` },
  { id: "2000-2014", label: `${MIDDLE_FROM}–${RECENT_FROM - 1}` },
  { id: "for-2000", label: `Før ${MIDDLE_FROM}` },
  { id: "uspesifisert", label: "Over lenger tid (uspesifisert)" },
  { id: "ukjent", label: "Ukjent" },
] as const;
export type EstablishedPeriod = (typeof ESTABLISHED_PERIODS)[number]["id"];
export const ESTABLISHED_PERIOD_IDS = ESTABLISHED_PERIODS.map((p) => p.id) as [EstablishedPeriod, ...EstablishedPeriod[]];

/** The year that places an arrangement in a registry period: its year, else the end of its period. */
export function establishedSortYear(a: Pick<EstablishmentFacts, "establishedYear" | "establishedPeriodTo">): number | null {
  return a.establishedYear ?? a.establishedPeriodTo ?? null;
}

/** The registry period of an arrangement (facet `etablert`). */
export function establishedPeriodOf(a: EstablishmentFacts): EstablishedPeriod {
  const year = establishedSortYear(a);
  if (year !== null) {
    if (year > SURVEY_YEAR) return "etter-2021";
    if (year >= RECENT_FROM) return "2015-2021";
    if (year >= MIDDLE_FROM) return "2000-2014";
    return "for-2000";
  }
  return a.establishedUnspecified ? "uspesifisert" : "ukjent";
}

/** The statistics' Tabell 2.1 buckets: key, label, the report's key and the key in /api/v1/statistikk. */
export const ESTABLISHMENT_PERIODS = [
  { key: "2015-", label: `${RECENT_FROM} og senere`, reportKey: "2015-2021", apiKey: "2015-" },
  { key: "2000-2014", label: `${MIDDLE_FROM}–${RECENT_FROM - 1}`, reportKey: "2000-2014", apiKey: "2000-2014" },
  { key: "before-2000", label: `Før ${MIDDLE_FROM}`, reportKey: "before-2000", apiKey: "for-2000" },
  { key: "unspecified", label: "Over lenger tid (uspesifisert)", reportKey: "unspecified", apiKey: "uspesifisert" },
  { key: "period-only", label: "Periode kjent, år ukjent", reportKey: null, apiKey: "periode-uten-aar" },
  { key: "not-registered", label: "Ikke registrert", reportKey: null, apiKey: "ikke-registrert" },
] as const;
export type EstablishmentPeriodKey = (typeof ESTABLISHMENT_PERIODS)[number]["key"];

/** The statistics bucket (Tabell 2.1) of an arrangement. */
export function establishmentBucketOf(a: EstablishmentFacts): EstablishmentPeriodKey {
  const { establishedYear: year, establishedPeriodFrom: from, establishedPeriodTo: to } = a;
  if (year !== null) return year >= RECENT_FROM ? "2015-" : year >= MIDDLE_FROM ? "2000-2014" : "before-2000";
  if (from !== null || to !== null) {
    if (from !== null && from >= RECENT_FROM) return "2015-";
    if (from !== null && from >= MIDDLE_FROM && to !== null && to < RECENT_FROM) return "2000-2014";
    if (to !== null && to < MIDDLE_FROM) return "before-2000";
    return "period-only";
  }
  return a.establishedUnspecified ? "unspecified" : "not-registered";
}

/**
 * Established within [from, to] (Tabell 2.2's "new arrangements"): a known year inside the
 * interval, or, without a year, a recorded period wholly inside it.
 */
export function isEstablishedWithin(a: Pick<EstablishmentFacts, "establishedYear" | "establishedPeriodFrom" | "establishedPeriodTo">, from: number, to: number): boolean {
  if (a.establishedYear !== null) return a.establishedYear >= from && a.establishedYear <= to;
  return a.establishedPeriodFrom !== null && a.establishedPeriodTo !== null && a.establishedPeriodFrom >= from && a.establishedPeriodTo <= to;
}

/** How the establishment is written: "2004", "2015–2021", "før 2000", "Over lenger tid", "Ukjent". */
export function establishedLabel(a: EstablishmentFacts): string {
  if (a.establishedYear) return String(a.establishedYear);
  if (a.establishedPeriodFrom && a.establishedPeriodTo) return `${a.establishedPeriodFrom}–${a.establishedPeriodTo}`;
  if (a.establishedPeriodTo) return `før ${a.establishedPeriodTo + 1}`;
  if (a.establishedUnspecified) return "Over lenger tid";
  return "Ukjent";
}
