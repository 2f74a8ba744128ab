import type { PrintedTableRow, ReportFigures } from "../../lib/domain/report-figures.ts";
import type { Dataset } from "../../seed/load.ts";
import { nameSimilarity, normaliseName, type ParsedRow, type ParsedTable } from "./report-tables.ts";

/**
 * Compares the participant tables read from the report text (report-tables.ts) with the seed:
 * every row is matched to a seed arrangement by name, and its printed participants to the stored
 * ones. Pure: the caller reads the files and prints.
 */

export interface Disagreement {
  table: string;
  nr: number | null;
  arrangement: string | null;
  message: string;
}

export interface CheckResult {
  rows: number;
  matched: number;
  disagreements: Disagreement[];
}

/** Spellings in the report that are not the municipality's name (seed/FORMAT.md slug rule otherwise). */
export const NAME_ALIASES: Record<string, string> = {
  Hjardal: "hjartdal",
  "Våler (Innlandet)": "valer-innlandet",
  // Plain "Våler" appears only in Østfold lists (Osloregionen IKPR, Fagrådet for Ytre Oslofjord).
  Våler: "valer-ostfold",
};

/** The slug rule of seed/FORMAT.md, written out again here on purpose (independent check). */
export function slugOf(name: string): string {
  const alias = NAME_ALIASES[name.trim()];
  if (alias) return alias;
  return name
    .trim()
    .toLocaleLowerCase("nb")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Municipality names the table reader should recognise: the seed's names plus the report's variants. */
export function knownMunicipalityNames(dataset: Pick<Dataset, "municipalities">): string[] {
  return [...dataset.municipalities.map((m) => m.name), ...Object.keys(NAME_ALIASES), "Sør Aurdal", "Nord Aurdal"];
}

type SeedArrangement = Dataset["arrangements"][number];

const withoutAbbreviation = (value: string) => value.replace(/\([^)]*\)/g, "");

/** Finds the seed arrangement a printed name refers to: exact (normalised) first, then the closest. */
export function matchArrangement(printed: string, arrangements: SeedArrangement[]): SeedArrangement | null {
  const key = normaliseName(printed);
  const keyShort = normaliseName(withoutAbbreviation(printed));
  const candidates = (a: SeedArrangement) => [a.name, a.correctedName, a.shortName].filter((v): v is string => Boolean(v));
  for (const a of arrangements) {
    if (candidates(a).some((c) => normaliseName(c) === key || normaliseName(withoutAbbreviation(c)) === keyShort)) return a;
  }
  let best: { a: SeedArrangement; score: number } | null = null;
  let second = 0;
  for (const a of arrangements) {
    const score = Math.max(...candidates(a).map((c) => nameSimilarity(c, printed)));
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { a, score };
    } else if (score > second) second = score;
  }
  return best && best.score >= 0.85 && best.score - second >= 0.03 ? best.a : null;
}

const listNames = (slugs: string[], names: Map<string, string>) => slugs.map((s) => names.get(s) ?? s).join(", ");

export function compareWithSeed(tables: ParsedTable[], dataset: Pick<Dataset, "arrangements" | "municipalities">): CheckResult {
  const disagreements: Disagreement[] = [];
  const names = new Map(dataset.municipalities.map((m) => [m.slug, m.name]));
  const known = new Set(dataset.municipalities.map((m) => m.slug));
  const seen = new Map<string, Set<string>>(); // arrangement id → tables where found
  let rows = 0;
  let matched = 0;
  const say = (row: ParsedRow | null, table: string, arrangement: string | null, message: string) => disagreements.push({ table, nr: row?.nr ?? null, arrangement, message });

  for (const table of tables) {
    const owner = table.municipality ? slugOf(table.municipality) : null;
    for (const row of table.rows) {
      rows++;
      const arrangement = matchArrangement(row.name, dataset.arrangements);
      if (!arrangement) {
        say(row, table.table, null, `fant ingen ordning i registeret med navnet «${row.name}»`);
        continue;
      }
      matched++;
      const where = seen.get(arrangement.id) ?? new Set<string>();
      where.add(table.table);
      seen.set(arrangement.id, where);
      const label = arrangement.correctedName ?? arrangement.name;
      const stored = new Set(arrangement.participants.map((p) => p.municipality));
      const printed = row.names.map(slugOf);
      const unknown = printed.filter((s) => !known.has(s));
      if (unknown.length) say(row, table.table, label, `ukjente kommunenavn i rapporten: ${unknown.join(", ")}`);
      const missing = printed.filter((s) => known.has(s) && !stored.has(s));
      if (missing.length) say(row, table.table, label, `i rapporten, men ikke i registeret: ${listNames(missing, names)}`);
      if (!row.partial) {
        const extra = [...stored].filter((s) => !printed.includes(s));
        if (extra.length) say(row, table.table, label, `i registeret, men ikke i rapportens liste: ${listNames(extra, names)}`);
      }
      if (row.count !== null) {
        const storedCount = arrangement.statedParticipantCount ?? arrangement.participants.length;
        if (row.count !== storedCount && row.count !== arrangement.participants.length) {
          say(
            row,
            table.table,
            label,
            `rapporten oppgir ${row.count} kommuner; registeret har ${arrangement.participants.length} navngitte${arrangement.statedParticipantCount ? ` og oppgitt antall ${arrangement.statedParticipantCount}` : ""}`,
          );
        }
      }
      if (owner && !stored.has(owner)) {
        say(row, table.table, label, `står i lista for ${table.municipality}, men ${table.municipality} er ikke deltaker i registeret`);
      }
      // The seed's own citation of this row must point at the same arrangement.
      const cited = arrangement.sources.some((s) => s.startsWith(`NIVI 2021, ${table.table}, rad ${row.nr}`));
      const citesTable = arrangement.sources.some((s) => s.startsWith(`NIVI 2021, ${table.table},`));
      if (!cited) {
        say(row, table.table, label, citesTable ? `kildehenvisningen i registeret peker på en annen rad i ${table.table}` : `registeret viser ikke til ${table.table} som kilde`);
      }
    }
  }
  // Every arrangement outside the regional political bodies stands in exactly one chapter-5 table.
  for (const a of dataset.arrangements) {
    const chapter5 = [...(seen.get(a.id) ?? [])].filter((t) => t.startsWith("Tabell 5."));
    if (a.sector !== "REGIONAL_POLITICAL" && chapter5.length === 0 && tables.some((t) => t.table.startsWith("Tabell 5."))) {
      say(null, "kapittel 5", a.correctedName ?? a.name, "ordningen i registeret står ikke i noen sektortabell (Tabell 5.1–5.10)");
    }
    if (chapter5.length > 1) say(null, "kapittel 5", a.correctedName ?? a.name, `står i flere sektortabeller: ${chapter5.join(", ")}`);
  }
  return { rows, matched, disagreements };
}

/** The printed participant tables of the report figures (baseline.json), by table label as the text reader writes it. */
function printedTables(figures: ReportFigures<"crossCounty" | "chapter4Lists">): Map<string, PrintedTableRow[]> {
  const tables = new Map<string, PrintedTableRow[]>();
  for (const [key, table] of Object.entries(figures.crossCounty?.tables ?? {})) tables.set(`Tabell ${key}`, table.rows);
  for (const list of figures.chapter4Lists ?? []) tables.set(list.table, list.rows);
  return tables;
}

/**
 * Compares the participant tables read from the report text with the same tables as stored among
 * the report's printed figures (Tabell 2.4–2.7 and the chapter-4 lists in baseline.json, read
 * through lib/domain/report-figures.ts): each text row must stand there under the same number,
 * with the same name and, where the text lists every member, the same participants.
 */
export function compareWithPrintedFigures(tables: ParsedTable[], figures: ReportFigures<"crossCounty" | "chapter4Lists">): CheckResult {
  const stored = printedTables(figures);
  const disagreements: Disagreement[] = [];
  let rows = 0;
  let matched = 0;
  for (const table of tables) {
    const printed = stored.get(table.table) ?? stored.get(table.table.replace(/ \(.*\)$/, ""));
    if (!printed) continue;
    for (const row of table.rows) {
      rows++;
      const candidates = printed.filter((p) => p.nr === row.nr).sort((a, b) => nameSimilarity(b.name, row.name) - nameSimilarity(a.name, row.name));
      const match = candidates[0];
      const say = (message: string) => disagreements.push({ table: table.table, nr: row.nr, arrangement: match?.name ?? row.name, message });
      if (!match) {
        say(`rad nr. ${row.nr} («${row.name}») står i rapportteksten, men ikke i rapporttallene (baseline.json)`);
        continue;
      }
      matched++;
      if (normaliseName(match.name) !== normaliseName(row.name) && nameSimilarity(match.name, row.name) < 0.85) {
        say(`navnet er «${row.name}» i rapportteksten, men «${match.name}» i rapporttallene`);
      }
      if (row.partial) continue;
      const text = new Set(row.names.map(slugOf));
      const figuresSlugs = new Set(match.participantSlugs ?? match.participants.map(slugOf));
      const onlyText = [...text].filter((s) => !figuresSlugs.has(s));
      const onlyFigures = [...figuresSlugs].filter((s) => !text.has(s));
      if (onlyText.length) say(`i rapportteksten, men ikke i rapporttallene: ${onlyText.join(", ")}`);
      if (onlyFigures.length) say(`i rapporttallene, men ikke i rapportteksten: ${onlyFigures.join(", ")}`);
    }
  }
  return { rows, matched, disagreements };
}
