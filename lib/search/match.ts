import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizedSql, searchTerms } from "./normalize";

/**
 * The one search rule (docs/decisions/0049-search.md), used by /sok, the /ordninger `sok=` filter
 * and GET /api/v1/ordninger?sok=. Matching happens on the folded, stored "searchText" columns.
 *
 * - A term of up to three letters matches whole words only («Ål» → Ål, never Alvdal or Sigdal;
 *   «IKS» never Fredrikstad). Longer terms match the start of a word in place names («uvdal» →
 *   Nore og Uvdal) and anywhere in an arrangement's names (Norwegian compounds: «vakt» → legevakt).
 * - A term naming a municipality (or its kommunenummer) matches the arrangements it takes part in
 *   or hosts; a term naming a legal form (IKS, KO, IPR, AS, «vertskommune») matches that form.
 * - Every term must match (AND). Ranking: legal form, a whole word of the name, participation,
 *   host, the start of a word, anywhere, description; the exact Norwegian letters («Ål» rather
 *   than «al») add a little on top.
 */
export interface SearchTerm {
  /** Folded (normalizeSearchText), [a-z0-9]+. */
  term: string;
  /** Municipalities whose name (or a kommunenummer) matches the term. */
  municipalityIds: number[];
  /** Legal forms whose code or name matches the term. */
  formIds: number[];
}

export interface SearchPlan {
  terms: SearchTerm[];
  /** The query's words with their own letters (lower-case, «ål»), for the exact-letter bonus. */
  exact: string[];
}

export const EMPTY_SEARCH: SearchPlan = { terms: [], exact: [] };

const SHORT = 3;
const wordStart = (term: string) => `(^|[^a-z0-9])${term}`;
const wholeWord = (term: string) => `(^|[^a-z0-9])${term}([^a-z0-9]|$)`;

/** Whether a folded place name (municipality, region) matches a term. */
export function placeMatchSql(column: Prisma.Sql, term: string): Prisma.Sql {
  return term.length <= SHORT ? Prisma.sql`${column} ~ ${wholeWord(term)}` : Prisma.sql`${column} ~ ${wordStart(term)}`;
}

/** Whether a folded arrangement name matches a term. */
export function nameMatchSql(column: Prisma.Sql, term: string): Prisma.Sql {
  return term.length <= SHORT ? Prisma.sql`${column} ~ ${wholeWord(term)}` : Prisma.sql`${column} LIKE ${`%${term}%`}`;
}

/** Lower-case words of the query that carry letters folding would lose (æ, ø, å, accents). */
function exactWords(query: string): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w && /[^a-z0-9]/.test(w)))].slice(0, 8);
}

/** Municipalities matching one term: by name, or by any kommunenummer they have had. */
export function municipalityTermSql(alias: Prisma.Sql, term: string): Prisma.Sql {
  const byName = placeMatchSql(Prisma.sql`${alias}."searchText"`, term);
  if (!/^\d{4}$/.test(term)) return byName;
  return Prisma.sql`(${byName} OR EXISTS (SELECT 1 FROM "MunicipalityCode" c WHERE c."municipalityId" = ${alias}.id AND c.code = ${term}))`;
}

/** Resolves a free-text query to terms with the municipalities and legal forms each one names. */
export async function resolveSearch(query: string | undefined): Promise<SearchPlan> {
  const terms = query ? searchTerms(query) : [];
  if (!terms.length) return EMPTY_SEARCH;
  const resolved = await Promise.all(
    terms.map(async (term): Promise<SearchTerm> => {
      const formByName = term.length > SHORT ? Prisma.sql`OR ${placeMatchSql(normalizedSql(Prisma.sql`f.name`), term)}` : Prisma.empty;
      const [municipalities, forms] = await Promise.all([
        prisma.$queryRaw<{ id: number }[]>`SELECT m.id FROM "Municipality" m WHERE ${municipalityTermSql(Prisma.sql`m`, term)}`,
        prisma.$queryRaw<{ id: number }[]>`SELECT f.id FROM "LegalForm" f WHERE lower(f.code) = ${term} ${formByName}`,
      ]);
      return { term, municipalityIds: municipalities.map((m) => m.id), formIds: forms.map((f) => f.id) };
    }),
  );
  return { terms: resolved, exact: exactWords(query ?? "") };
}

/**
 * Conditions over the arrangement base rows `b` (columns id, search_text, search_description,
 * host_id, form_id) and the CTE `part` (participations on the reference date).
 */
export function arrangementSearchSql(plan: SearchPlan): Prisma.Sql[] {
  return plan.terms.map((t) => {
    const alternatives: Prisma.Sql[] = [nameMatchSql(Prisma.sql`b.search_text`, t.term)];
    if (t.term.length > SHORT) alternatives.push(Prisma.sql`b.search_description LIKE ${`%${t.term}%`}`);
    if (t.municipalityIds.length) {
      alternatives.push(Prisma.sql`b.id IN (SELECT "arrangementId" FROM part WHERE "municipalityId" = ANY(${t.municipalityIds}::int[]))`);
      alternatives.push(Prisma.sql`b.host_id = ANY(${t.municipalityIds}::int[])`);
    }
    if (t.formIds.length) alternatives.push(Prisma.sql`b.form_id = ANY(${t.formIds}::int[])`);
    return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
  });
}

/** Relevance of a base row `b` for the plan (higher first). */
export function arrangementRelevanceSql(plan: SearchPlan): Prisma.Sql {
  if (!plan.terms.length) return Prisma.sql`0`;
  const none = [0];
  const parts = plan.terms.map(
    (t) => Prisma.sql`(CASE
      WHEN b.form_id = ANY(${t.formIds.length ? t.formIds : none}::int[]) THEN 70
      WHEN b.search_text ~ ${wholeWord(t.term)} THEN 60
      WHEN b.id IN (SELECT "arrangementId" FROM part WHERE "municipalityId" = ANY(${t.municipalityIds.length ? t.municipalityIds : none}::int[])) THEN 50
      WHEN b.host_id = ANY(${t.municipalityIds.length ? t.municipalityIds : none}::int[]) THEN 45
      WHEN b.search_text ~ ${wordStart(t.term)} THEN 40
      WHEN b.search_text LIKE ${`%${t.term}%`} THEN 20
      ELSE 1 END)`,
  );
  const exact = plan.exact.map((w) => Prisma.sql`(CASE WHEN lower(translate(b.name, 'ÆØÅ', 'æøå')) LIKE ${`%${w}%`} THEN 5 ELSE 0 END)`);
  return Prisma.join([...parts, ...exact], " + ");
}
