/** Norwegian number formatting: 34,0; 93,1; 101 859 (with a narrow no-break space). */
const integerFormat = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

export function formatDecimal(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat("nb-NO", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** As many decimals as the value has, up to `maxFractionDigits`: 2; 2,5; 2,25 (for values people typed). */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat("nb-NO", { maximumFractionDigits: maxFractionDigits }).format(value);
}

export function formatPercent(value: number, fractionDigits = 0): string {
  return `${formatDecimal(value, fractionDigits)} %`;
}

const dateFormat = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/**
 * A number as a Norwegian types it: decimal comma («2,5») or point («2.5»), spaces (also no-break
 * spaces) as thousands separators («101 859»), a leading minus or the typographic «−». Returns NaN
 * for anything else (so «2,5,1» or «1.000,5» are not guessed at). Blank input is NaN too.
 */
export function parseNorwegianNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return Number.NaN;
  return Number(compact.replace(",", "."));
}

/** A calendar day (ISO «2026-11-30» or a Date at UTC midnight) as «30.11.2026»; ISO stays in URLs and APIs. */
export function formatShortDate(value: string | Date): string {
  const iso = typeof value === "string" ? value : value.toISOString().slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

const osloDay = new Intl.DateTimeFormat("nb-NO", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Oslo" });
const osloTime = new Intl.DateTimeFormat("nb-NO", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" });

/** A moment (when something was sent or decided) as the day in Norway: «30.11.2026». */
export function formatDay(value: Date): string {
  return osloDay.format(value);
}

/** A moment as day and time in Norway: «30.11.2026 kl. 14:05». */
export function formatDateTime(value: Date): string {
  return `${osloDay.format(value)} kl. ${osloTime.format(value)}`;
}

/** Text with ISO dates in it (summaries and stored diffs: «fra 2026-11-30») with the dates as «30.11.2026». */
export function withNorwegianDates(text: string): string;
export function withNorwegianDates(text: string | null): string | null;
export function withNorwegianDates(text: string | null): string | null {
  return text === null ? null : text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3.$2.$1");
}
