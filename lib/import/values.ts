import { normalizeSearchText } from "@/lib/search/normalize";

/**
 * Reading the cells of a kartleggingsfil as people write them in Norway: decimal commas
 * (4,5 and 1 234,5), dates as dd.mm.yyyy (also d.m.yy and ISO), lists of names separated by
 * commas, semicolons or line breaks. Pure functions, no database.
 */

/** "4,5", "1 234,5", "4.5", "3" → number; null when the text is not a number. */
export function parseNorwegianNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return null;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function validIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date cell as YYYY-MM-DD: dd.mm.yyyy (Norwegian), d.m.yy (20yy), yyyy-mm-dd, or an Excel serial
 * day number (a date cell read without its format). null when it is none of these or no real day.
 */
export function parseDateCell(text: string): string | null {
  const value = text.trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(value);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return validIso(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}$/.test(value)) return new Date(EXCEL_EPOCH_MS + Number(value) * 86_400_000).toISOString().slice(0, 10);
  return null;
}

/** YYYY-MM-DD → dd.mm.yyyy, as the file shows dates. */
export function norwegianDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** "4,5 (2020)" (what the export writes), "4,5" or "4.5" → fte and year (null when none is given). */
export function parseStaffing(text: string): { fte: number; year: number | null } | null {
  const m = /^(.*?)\s*(?:\((\d{4})\))?\s*$/.exec(text.trim());
  const fte = m ? parseNorwegianNumber(m[1]!) : null;
  if (fte === null) return null;
  return { fte, year: m![2] ? Number(m![2]) : null };
}

/** A list of names: comma, semicolon or line break between them; blanks and repeats dropped. */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[,;\n\r]+/)
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** Case-, space- and diacritics-insensitive form of a name ("Aal" and "Ål" both become "al"). */
export function normalizeName(name: string): string {
  return normalizeSearchText(name.replace(/\s+/g, " ").trim()).replace(/aa/g, "a");
}

/** Levenshtein distance (insert, delete, substitute), O(n·m) with one row. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The closest known names to an unknown one: normalized edit distance (diacritics-insensitive,
 * divided by the longer length), at most `limit`: only close ones (≤ 0.4), and none much further
 * off than the best.
 */
export function suggestNames(unknown: string, known: Iterable<string>, limit = 3): string[] {
  const target = normalizeName(unknown);
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(known)) {
    const candidate = normalizeName(name);
    const longest = Math.max(target.length, candidate.length, 1);
    let score = editDistance(target, candidate) / longest;
    if (candidate.startsWith(target) || target.startsWith(candidate)) score = Math.min(score, 0.3);
    if (score <= 0.4) scored.push({ name, score });
  }
  const best = Math.min(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score <= best + 0.15)
    .sort((x, y) => x.score - y.score || x.name.localeCompare(y.name, "nb"))
    .slice(0, limit)
    .map((s) => s.name);
}

/** «Mente du «Ål» eller «Hol»?» — empty when there is nothing to suggest. */
export function suggestionText(suggestions: string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((s) => `«${s}»`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} eller ${quoted.at(-1)}`;
  return ` Mente du ${list}?`;
}

/** The export writes an apostrophe before text Excel would take as a formula; reading removes it. */
export function unprotect(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Text compared the way a person reads it: line endings and surrounding space do not count. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const clean = (v: string | null | undefined) => (v ?? "").replace(/\r\n?/g, "\n").trim();
  return clean(a) === clean(b);
}
