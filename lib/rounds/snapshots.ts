import "server-only";
import { prisma, toJson, type Tx } from "@/lib/db";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { type Comparison, compareDocuments } from "./compare.ts";
import { TODAY } from "./compare-params.ts";
import { nameSlug } from "./slug.ts";
import {
  buildSnapshotDocument,
  readSnapshotDocument,
  SNAPSHOT_MUNICIPALITIES_SQL,
  SNAPSHOT_ROWS_SQL,
  type SnapshotDocument,
  type SnapshotMunicipality,
  type SnapshotRow,
} from "./snapshot-document.ts";

/** The key that means "the registry today" wherever a snapshot is chosen (pages, API). */
export const TODAY_KEY = TODAY;

/** The registry on `asOf` as a snapshot document (what closing a round stores). */
export async function registryDocument(tx: Tx = prisma, asOf: string = todayInNorway()): Promise<SnapshotDocument> {
  const [rows, municipalities] = await Promise.all([tx.$queryRawUnsafe<SnapshotRow[]>(SNAPSHOT_ROWS_SQL), tx.$queryRawUnsafe<SnapshotMunicipality[]>(SNAPSHOT_MUNICIPALITIES_SQL)]);
  return buildSnapshotDocument(asOf, rows, municipalities);
}

/** Stores a named snapshot of the registry on `asOf`. */
export async function createSnapshot(tx: Tx, name: string, asOf: string = todayInNorway()): Promise<{ id: number; slug: string; count: number }> {
  const document = await registryDocument(tx, asOf);
  let slug = nameSlug(name);
  for (let n = 2; await tx.snapshot.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${nameSlug(name)}-${n}`;
  const created = await tx.snapshot.create({ data: { slug, name, asOf: new Date(`${asOf}T00:00:00Z`), data: toJson(document) } });
  return { id: created.id, slug, count: document.arrangements.length };
}

export interface SnapshotSummary {
  slug: string;
  name: string;
  asOf: string;
  createdAt: Date;
  arrangements: number;
  roundName: string | null;
}

/** Every stored snapshot, oldest day first. */
export async function listSnapshots(): Promise<SnapshotSummary[]> {
  const rows = await prisma.$queryRaw<{ slug: string; name: string; asOf: Date; createdAt: Date; arrangements: number; roundName: string | null }[]>`
    SELECT s.slug, s.name, s."asOf", s."createdAt", jsonb_array_length(s.data->'arrangements')::int AS arrangements, r.name AS "roundName"
    FROM "Snapshot" s LEFT JOIN "SurveyRound" r ON r."snapshotId" = s.id
    ORDER BY s."asOf", s.id`;
  return rows.map((r) => ({ ...r, asOf: isoDateOf(r.asOf)! }));
}

export interface ChosenDocument {
  key: string;
  name: string;
  asOf: string;
  document: SnapshotDocument;
}

/** A stored snapshot by slug, or today's registry for TODAY_KEY; null when unknown. */
export async function documentFor(key: string): Promise<ChosenDocument | null> {
  if (key === TODAY_KEY) {
    const today = todayInNorway();
    return { key, name: "I dag", asOf: today, document: await registryDocument(prisma, today) };
  }
  const row = await prisma.snapshot.findUnique({ where: { slug: key } });
  if (!row) return null;
  return { key: row.slug, name: row.name, asOf: isoDateOf(row.asOf)!, document: readSnapshotDocument(row.data) };
}

export interface SnapshotComparison {
  from: Omit<ChosenDocument, "document">;
  to: Omit<ChosenDocument, "document">;
  municipality: { id: number; slug: string; name: string } | null;
  comparison: Comparison;
}

export type ComparisonAnswer = { ok: true; value: SnapshotComparison } | { ok: false; message: string };

/**
 * Compares two snapshots (slugs, or TODAY_KEY), optionally for one municipality (slug).
 * Unknown keys give a Norwegian message.
 */
export async function compareSnapshots(fromKey: string, toKey: string, municipalitySlug?: string | null): Promise<ComparisonAnswer> {
  const [from, to] = await Promise.all([documentFor(fromKey), documentFor(toKey)]);
  if (!from) return { ok: false, message: `Fant ikke øyeblikksbildet «${fromKey}».` };
  if (!to) return { ok: false, message: `Fant ikke øyeblikksbildet «${toKey}».` };
  let municipality: SnapshotComparison["municipality"] = null;
  if (municipalitySlug) {
    const found = await prisma.municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true, slug: true, name: true } });
    if (!found) return { ok: false, message: `Fant ikke kommunen «${municipalitySlug}».` };
    municipality = found;
  }
  const missing = from.document.arrangements.map((a) => a.id).filter((id) => !to.document.arrangements.some((b) => b.id === id));
  const ends = missing.length ? await prisma.arrangement.findMany({ where: { id: { in: missing } }, select: { id: true, endDate: true } }) : [];
  const comparison = compareDocuments(from.document, to.document, {
    municipalityId: municipality?.id,
    endDates: new Map(ends.map((e) => [e.id, isoDateOf(e.endDate)])),
  });
  const strip = ({ key, name, asOf }: ChosenDocument) => ({ key, name, asOf });
  return { ok: true, value: { from: strip(from), to: strip(to), municipality, comparison } };
}
