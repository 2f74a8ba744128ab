import { isValidOn, type Validity } from "./activity";

/**
 * Which municipalities exist on a day, and what to call them. A municipality exists on D when one
 * of its municipality codes is valid on D (activity.ts isValidOn): Hurum's only code ended
 * 31.12.2019, so Hurum exists in 2019 and not in 2020. Its county on D is its MunicipalityCounty
 * membership valid on D. Pickers offer the municipalities that exist on a participation's days; the
 * change pipeline refuses the others (lib/changes/municipality-rules.ts). No database access here:
 * safe in client components.
 */

/** A validity period as YYYY-MM-DD strings (validTo inclusive, null = still valid). */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

export interface MunicipalityValidity {
  id: number;
  name: string;
  codes: Period[];
  counties: (Period & { name: string })[];
}

/** The day after an ISO date (for joining back-to-back periods: to 2019-12-31, from 2020-01-01). */
function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The municipality's codes joined into the periods it existed without a break (a renumbering is no break). */
export function existencePeriods(codes: readonly Validity[]): Period[] {
  const sorted = codes
    .map((c) => ({ validFrom: iso(c.validFrom), validTo: c.validTo == null ? null : iso(c.validTo) }))
    .filter((c): c is Period => c.validFrom !== null)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const periods: Period[] = [];
  for (const code of sorted) {
    const last = periods.at(-1);
    if (last && (last.validTo === null || nextDay(last.validTo) >= code.validFrom)) {
      if (last.validTo !== null && (code.validTo === null || code.validTo > last.validTo)) last.validTo = code.validTo;
    } else {
      periods.push({ ...code });
    }
  }
  return periods;
}

const iso = (value: Validity["validFrom"]): string | null => (value == null ? null : typeof value === "string" ? value : value.toISOString().slice(0, 10));

export function municipalityExistsOn(codes: readonly Validity[], date: string): boolean {
  return codes.some((c) => isValidOn(c, date));
}

/** The municipality existed on every day from `from` to `to` (inclusive). */
export function municipalityExistsThroughout(codes: readonly Validity[], from: string, to: string): boolean {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return existencePeriods(codes).some((p) => p.validFrom <= start && (p.validTo === null || p.validTo >= end));
}

/**
 * The days a participation needs its municipality to exist: from the day it joined to the day it
 * left, or to today while it lasts (or to the day it joins, if that is later). A participation
 * without a start date only needs the municipality on its last day: «since before the records».
 */
export function participationDays(p: { joinedOn: string | null; leftOn: string | null }, today: string): { from: string; to: string } {
  const to = p.leftOn ?? (p.joinedOn && p.joinedOn > today ? p.joinedOn : today);
  return { from: p.joinedOn ?? to, to };
}

/** The county the municipality belonged to on D; for a day after it ceased, its last county. */
export function countyOn(m: Pick<MunicipalityValidity, "counties">, date: string): string | null {
  const valid = m.counties.find((c) => isValidOn(c, date));
  if (valid) return valid.name;
  const earlier = m.counties.filter((c) => c.validFrom <= date).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return earlier[0]?.name ?? null;
}

/**
 * Names that tell municipalities apart on D: «Våler (Innlandet)» and «Våler (Østfold)»; a name no
 * other municipality has stays as it is.
 */
export function municipalityLabels(all: readonly Pick<MunicipalityValidity, "id" | "name" | "counties">[], date: string): Map<number, string> {
  const count = new Map<string, number>();
  for (const m of all) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  return new Map(
    all.map((m) => {
      const county = (count.get(m.name) ?? 0) > 1 ? countyOn(m, date) : null;
      return [m.id, county ? `${m.name} (${county})` : m.name];
    }),
  );
}

export interface MunicipalityChoice {
  id: number;
  label: string;
}

/** The municipalities a participation on these days can have, labelled and in Norwegian order. */
export function municipalitiesForParticipation(
  all: readonly MunicipalityValidity[],
  participation: { joinedOn: string | null; leftOn: string | null },
  today: string,
  exclude: ReadonlySet<number> = new Set(),
): MunicipalityChoice[] {
  const { from, to } = participationDays(participation, today);
  const labels = municipalityLabels(all, to);
  return all
    .filter((m) => !exclude.has(m.id) && municipalityExistsThroughout(m.codes, from, to))
    .map((m) => ({ id: m.id, label: labels.get(m.id) ?? m.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "nb"));
}
