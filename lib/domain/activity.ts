import { isoDateOf, yearOf } from "./today";

/**
 * The registry's "as of day D" rules, each once as a TypeScript predicate and as the SQL fragment
 * built from the same definition (docs/decisions/0020, 0030). The registry pages, the statistics,
 * the map, the exports, the API and the change pipeline all use these.
 *
 *  - An arrangement exists (is active) on D when it was established by then and had not ended:
 *    its start year is `establishedYear`, or, when only a period is known (Tabell 2.2's
 *    "2015–2021", docs/decisions/0011), the first year of that period (`establishedPeriodFrom`):
 *    an arrangement reported as established 2015–2021 did not exist in 2010. With neither, the
 *    start is unknown and does not exclude it. It has ended when `endDate` < D (the end day is
 *    still active).
 *  - A participation is active on D when `joinedOn` is null or ≤ D and `leftOn` is null or ≥ D
 *    (left is inclusive).
 *  - A municipality code or county membership is valid on D when `validFrom` ≤ D and `validTo` is
 *    null or ≥ D; "current" means `validTo` is null.
 *
 * The SQL fragments of these predicates are in ./sql/activity.ts, built from ESTABLISHED_FROM_COLUMNS.
 * No database access here: safe in client components.
 */

/** A stored date (Date at midnight UTC from Prisma, or YYYY-MM-DD) as YYYY-MM-DD. */
type DateValue = Date | string | null | undefined;
const iso = (value: DateValue): string | null => (value == null ? null : typeof value === "string" ? value : isoDateOf(value));

export interface ArrangementDates {
  establishedYear: number | null;
  establishedPeriodFrom?: number | null;
  endDate: DateValue;
}

/** The columns that give the first year an arrangement can have existed, in order of precedence. */
export const ESTABLISHED_FROM_COLUMNS = ["establishedYear", "establishedPeriodFrom"] as const;

/** The first year the arrangement can have existed: its year, else the start of its period, else unknown (null). */
export function establishedFromYear(a: Pick<ArrangementDates, "establishedYear" | "establishedPeriodFrom">): number | null {
  for (const column of ESTABLISHED_FROM_COLUMNS) {
    const value = a[column];
    if (value != null) return value;
  }
  return null;
}

export function isArrangementActiveOn(a: ArrangementDates, date: string): boolean {
  const from = establishedFromYear(a);
  const end = iso(a.endDate);
  return (from === null || from <= yearOf(date)) && (end === null || end >= date);
}

export function hasArrangementEndedBefore(a: Pick<ArrangementDates, "endDate">, date: string): boolean {
  const end = iso(a.endDate);
  return end !== null && end < date;
}

export interface ParticipationDates {
  joinedOn: DateValue;
  leftOn: DateValue;
}

export function isParticipationActiveOn(p: ParticipationDates, date: string): boolean {
  const joined = iso(p.joinedOn);
  const left = iso(p.leftOn);
  return (joined === null || joined <= date) && (left === null || left >= date);
}

/**
 * The participation has not ended by D (`leftOn` is null or ≥ D): it is active on D or starts
 * later. The change pipeline's "participant" (who may edit, who may host, who cannot be added
 * twice): a municipality that has signed up from a later date is already a party.
 */
export function isParticipationCurrentOrUpcoming(p: Pick<ParticipationDates, "leftOn">, date: string): boolean {
  const left = iso(p.leftOn);
  return left === null || left >= date;
}

/** isParticipationCurrentOrUpcoming as a Prisma `where` on Participation. */
export function currentOrUpcomingParticipationWhere(date: string): { OR: [{ leftOn: null }, { leftOn: { gte: Date } }] } {
  return { OR: [{ leftOn: null }, { leftOn: { gte: new Date(`${date}T00:00:00Z`) } }] };
}

export interface Validity {
  validFrom: DateValue;
  validTo: DateValue;
}

export function isValidOn(v: Validity, date: string): boolean {
  const from = iso(v.validFrom);
  const to = iso(v.validTo);
  return from !== null && from <= date && (to === null || to >= date);
}

export function isCurrent(v: Pick<Validity, "validTo">): boolean {
  return v.validTo == null;
}

/** isCurrent as a Prisma `where` on MunicipalityCode / MunicipalityCounty. */
export const CURRENT_WHERE = { validTo: null } as const;
