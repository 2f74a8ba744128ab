/**
 * "Today" in the registry: the calendar day in Norway (Europe/Oslo), as YYYY-MM-DD. Every default
 * "as of" date, "active today" check and date-input default uses it, so the registry, the
 * statistics and the change pipeline always agree on the day, also between midnight and 01:00/02:00
 * Norwegian time when the UTC date is still yesterday. No database access: safe in client
 * components.
 */
export const REGISTRY_TIME_ZONE = "Europe/Oslo";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: REGISTRY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Norway as YYYY-MM-DD (the default "as of" date). */
export function todayInNorway(now: Date = new Date()): string {
  return dayFormat.format(now);
}

const hourFormat = new Intl.DateTimeFormat("en-GB", { timeZone: REGISTRY_TIME_ZONE, hour: "2-digit", hourCycle: "h23" });

/** Midnight at the start of a YYYY-MM-DD day in Norway, as an instant. */
export function startOfDayInNorway(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // Norway is UTC+1 or UTC+2: the offset at that instant, read back through the time zone.
  const offsetHours = Number.parseInt(hourFormat.format(utcMidnight), 10);
  return new Date(utcMidnight.getTime() - offsetHours * 3_600_000);
}

/** The current year in Norway. */
export function currentYearInNorway(now: Date = new Date()): number {
  return yearOf(todayInNorway(now));
}

/** The year of a YYYY-MM-DD date. */
export function yearOf(date: string): number {
  return Number.parseInt(date.slice(0, 4), 10);
}

/**
 * A stored DATE column (Prisma gives midnight UTC) as YYYY-MM-DD; null stays null. Not "today":
 * use todayInNorway for that.
 */
export function isoDateOf(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}
