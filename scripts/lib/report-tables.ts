/**
 * An independent reader of the participant tables in the NIVI 2021 report text
 * (Tabell 2.4–2.7, 4.1–4.6 and 5.1–5.10). It shares no code with the seed files: it finds each
 * table's caption and header, rebuilds the flattened rows, and splits each row into the name as
 * printed and the participant list, using only a list of known municipality names.
 * Used by scripts/check-report.ts; unit-tested in report-tables.test.ts.
 */

export interface ParsedRow {
  /** "Tabell 5.2" or, for the chapter-4 tables, "Tabell 4.4 (Ål)". */
  table: string;
  /** Row number as printed (the report skips and repeats some). */
  nr: number;
  /** The whole row text after the number, continuation lines joined with a space. */
  text: string;
  /** The arrangement name as printed (everything before the participant part). */
  name: string;
  /** Municipality names as printed, in order. */
  names: string[];
  /** A printed count ("19 kommuner", "Eid av 37 kommuner inkl. …", "Gran, Lunner og 13 kommuner …"). */
  count: number | null;
  /** True when `names` is only part of the members ("inkl.", "og 13 kommuner", bare counts). */
  partial: boolean;
}

export interface ParsedTable {
  table: string;
  /** For the chapter-4 lists: the municipality the list belongs to, as printed in the caption. */
  municipality: string | null;
  rows: ParsedRow[];
}

const CAPTION = /^\s*Tabell (2\.[4-7]|4\.[1-6]|5\.(?:10|[1-9]))\s+(.*)$/;
const HEADER = /^\s*Nr .*Deltakerkommuner\s*$/;
const ROW_START = /^\s*(\d{1,2})(?:\s+(.*))?$/;
const SECTION = /^\s*\d+\.\d+\s+\S/;
const STOP = /^\s*(Figur|Tabell)\s/;

function captionMunicipality(rest: string): string | null {
  const match = /samarbeidsordninger for (?:nye )?(.+?) kommune/.exec(rest);
  return match ? match[1]!.trim() : null;
}

/** Splits the report text into the participant tables, in document order. */
export function parseParticipantTables(text: string, knownNames: Iterable<string>): ParsedTable[] {
  const lines = text.split(/\r?\n/);
  const captions: { table: string; municipality: string | null }[] = [];
  const headers: number[] = [];
  lines.forEach((line, index) => {
    const caption = CAPTION.exec(line);
    if (caption) {
      const municipality = caption[1]!.startsWith("4.") ? captionMunicipality(caption[2]!) : null;
      captions.push({ table: `Tabell ${caption[1]}${municipality ? ` (${municipality})` : ""}`, municipality });
    }
    if (HEADER.test(line)) headers.push(index);
  });
  // Captions and headers come in the same order (two captions may precede their two headers).
  const splitter = new RowSplitter(knownNames);
  return headers.map((start, i) => {
    const caption = captions[i] ?? { table: `Ukjent tabell ${i + 1}`, municipality: null };
    return { ...caption, rows: readRows(lines, start + 1).map((raw) => splitter.split(caption.table, raw.nr, raw.text)) };
  });
}

/** Rebuilds the rows below a header: a row starts with its number; other lines continue it. */
function readRows(lines: string[], from: number): { nr: number; text: string }[] {
  const rows: { nr: number; text: string }[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || line === "- NIVI Analyse AS") continue;
    if (HEADER.test(line) || STOP.test(line) || SECTION.test(line)) break;
    const start = ROW_START.exec(line);
    const isCount = /^\d+ (?:andre )?kommuner\b/.test(line);
    if (start && !isCount) {
      const nr = Number(start[1]);
      const previous = rows.at(-1)?.nr ?? 0;
      // Rows count up by one; the report skips a number now and then and prints some twice.
      if ((nr > previous && nr <= previous + 2) || (nr === previous && rows.length > 0)) {
        rows.push({ nr, text: (start[2] ?? "").trim() });
        continue;
      }
      if (/^\d{1,3}$/.test(line)) continue; // a page number
      break; // a chapter heading such as "5 Sektorvis gjennomgang av dagens ordninger"
    }
    if (rows.length === 0) break;
    const last = rows.at(-1)!;
    // A word broken at a hyphen ("Sør-" / "Fron") is joined without a space.
    last.text = !last.text ? line : /\p{L}-$/u.test(last.text) ? `${last.text}${line}` : `${last.text} ${line}`;
  }
  return rows.map((row) => ({ nr: row.nr, text: row.text.replace(/\s+/g, " ").trim() }));
}

class RowSplitter {
  private readonly names: Set<string>;
  private readonly longest: number;

  constructor(knownNames: Iterable<string>) {
    this.names = new Set([...knownNames].map((n) => n.trim()));
    this.longest = Math.max(...[...this.names].map((n) => n.split(" ").length));
  }

  private isName(value: string): boolean {
    return this.names.has(value.trim());
  }

  /** The longest known municipality name that ends `value` (on a word boundary), or null. */
  private trailingName(value: string): string | null {
    const words = value.trim().split(" ");
    for (let n = Math.min(this.longest, words.length - 1); n >= 1; n--) {
      const candidate = words.slice(words.length - n).join(" ");
      if (this.isName(candidate)) return candidate;
    }
    return null;
  }

  /** Splits "Name A, B, C" into the name and the list, walking the list from its end. */
  private splitList(text: string): { name: string; names: string[] } | null {
    const parts = text.split(/\s*,\s*/);
    const names: string[] = [];
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      if (i > 0 && this.isName(part)) {
        names.unshift(part);
        continue;
      }
      const last = this.trailingName(part);
      if (!last) return null;
      names.unshift(last);
      const name = [...parts.slice(0, i), part.slice(0, part.length - last.length).trim()].join(", ").trim();
      return name ? { name, names } : null;
    }
    return null;
  }

  split(table: string, nr: number, text: string): ParsedRow {
    const base = { table, nr, text };
    // "Eid av 37 kommuner inkl. A, B" / "126 kommuner over hele landet inkl. A, B" / "Eid av 33 kommuner i fire fylker inkl. …"
    const inkl = /^(.*?)\s*(?:Eid av )?(\d+) kommuner\b[^,]*? inkl\. (.*)$/.exec(text);
    if (inkl) {
      return { ...base, name: inkl[1]!.trim(), names: inkl[3]!.split(/\s*,\s*/).map((n) => n.trim()), count: Number(inkl[2]), partial: true };
    }
    // "Gran, Lunner og 13 kommuner i Oppland" / "Gran, Lunner og 44 andre kommuner i Innlandet"
    const plus = /^(.*?) og (\d+) (?:andre )?kommuner\b.*$/.exec(text);
    if (plus) {
      const listed = this.splitList(plus[1]!);
      if (listed) return { ...base, ...listed, count: listed.names.length + Number(plus[2]), partial: true };
    }
    // "Alle kommunene i Telemark (17)"
    const all = /^(.*?)\s*Alle kommunene i .*\((\d+)\)\s*$/.exec(text);
    if (all) return { ...base, name: all[1]!.trim(), names: [], count: Number(all[2]), partial: true };
    // A bare count: "Vestfoldmuseene IKS 7 kommuner", "Sør-Øst 110 IKS 42 kommuner i Buskerud, …",
    // "… IKS (VETAKS)34 kommuner" (no space in the text).
    const bare = /^(.*?)\s*(\d+) kommuner\b.*$/.exec(text);
    const listed = this.splitList(text);
    if (listed && !(bare && !this.isName(listed.names.at(-1) ?? ""))) return { ...base, ...listed, count: null, partial: false };
    if (bare) return { ...base, name: bare[1]!.trim(), names: [], count: Number(bare[2]), partial: true };
    return { ...base, name: text, names: [], count: null, partial: true };
  }
}

/** Lower-case, without punctuation or spaces: for matching a printed name with a stored one. */
export function normaliseName(value: string): string {
  return value
    .toLocaleLowerCase("nb")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z0-9]/g, "");
}

function bigrams(value: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < value.length - 1; i++) {
    const gram = value.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice similarity on character bigrams of the normalised names (0–1). */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(normaliseName(a));
  const y = bigrams(normaliseName(b));
  let overlap = 0;
  let total = 0;
  for (const [gram, count] of x) {
    overlap += Math.min(count, y.get(gram) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return total === 0 ? 0 : (2 * overlap) / total;
}
