-- Search that finds (issue #13 item 4, docs/decisions/0049-search.md).
-- pg_trgm ships with PostgreSQL's contrib modules, embedded-postgres included; its GIN operator class
-- lets LIKE '%term%' and the word-boundary regexes use an index at national scale.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The one normalisation of search text, twin of normalizeSearchText in lib/search/normalize.ts
-- (tests/integration/search.int.test.ts checks they agree): Norwegian letters are mapped before
-- lower() so the database's ctype does not matter; æ→ae, ø→o, å→a, the old spelling aa→a.
CREATE FUNCTION "search_fold"(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT replace(lower(replace(replace(translate(value, 'ØøÅåÉéÈèÊêÄäÖöÜüÓóÁá', 'OoAaEeEeEeAaOoUuOoAa'), 'Æ', 'ae'), 'æ', 'ae')), 'aa', 'a') $$;

-- Stored, generated columns: every writer (the mutation pipeline, the seed, imports, raw SQL) keeps
-- them current, and they can never be stale. Prisma's schema cannot express generated columns; the
-- fields are @ignore'd there so the client never writes them.
ALTER TABLE "Arrangement" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (
  search_fold(coalesce("name", '') || ' ' || coalesce("shortName", '') || ' ' || coalesce("correctedName", ''))
) STORED;
ALTER TABLE "Arrangement" ADD COLUMN "searchDescription" TEXT GENERATED ALWAYS AS (search_fold(coalesce("description", ''))) STORED;
ALTER TABLE "Municipality" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (search_fold("name")) STORED;

CREATE INDEX "Arrangement_searchText_idx" ON "Arrangement" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "Arrangement_searchDescription_idx" ON "Arrangement" USING GIN ("searchDescription" gin_trgm_ops);
CREATE INDEX "Municipality_searchText_idx" ON "Municipality" USING GIN ("searchText" gin_trgm_ops);
