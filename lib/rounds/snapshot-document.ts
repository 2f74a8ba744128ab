import { z } from "zod";
import { isArrangementActiveOn, isParticipationActiveOn } from "@/lib/domain/activity";

/**
 * A snapshot of the registry on one day, as the JSON document stored in Snapshot.data
 * (docs/decisions/0045): the arrangements active that day (the rules of lib/domain/activity.ts)
 * with what a comparison needs — name, sector, legal form, host, establishment year, end date and
 * the participants active that day — and the municipalities they mention. No database access here:
 * the rows come from SNAPSHOT_ROWS_SQL, run by the app (Prisma) or by the start script (pg).
 */
export const SNAPSHOT_VERSION = 1;

const participantSchema = z.object({ municipalityId: z.number(), role: z.string() });
const arrangementSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  sector: z.string(),
  legalForm: z.string().nullable(),
  legalFormName: z.string().nullable(),
  hostMunicipalityId: z.number().nullable(),
  establishedYear: z.number().nullable(),
  endDate: z.string().nullable(),
  participants: z.array(participantSchema),
});
const municipalitySchema = z.object({ id: z.number(), slug: z.string(), name: z.string(), inSurveyScope: z.boolean() });
export const snapshotDocumentSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  asOf: z.string(),
  arrangements: z.array(arrangementSchema),
  municipalities: z.array(municipalitySchema),
});

export type SnapshotArrangement = z.infer<typeof arrangementSchema>;
export type SnapshotMunicipality = z.infer<typeof municipalitySchema>;
export type SnapshotDocument = z.infer<typeof snapshotDocumentSchema>;

/** Stored JSON read back through zod (never trusted as a cast). */
export function readSnapshotDocument(data: unknown): SnapshotDocument {
  return snapshotDocumentSchema.parse(data);
}

/** One row per arrangement (participations as a JSON array), dates as YYYY-MM-DD text. No parameters. */
export const SNAPSHOT_ROWS_SQL = `
SELECT a.id, a.slug, a.name, s.code AS sector, lf.code AS "legalForm", lf.name AS "legalFormName",
       a."hostMunicipalityId", a."establishedYear", a."establishedPeriodFrom", to_char(a."endDate", 'YYYY-MM-DD') AS "endDate",
       coalesce((SELECT json_agg(json_build_object('municipalityId', p."municipalityId", 'role', p.role::text,
                                                   'joinedOn', to_char(p."joinedOn", 'YYYY-MM-DD'), 'leftOn', to_char(p."leftOn", 'YYYY-MM-DD')) ORDER BY p."municipalityId", p.id)
                 FROM "Participation" p WHERE p."arrangementId" = a.id), '[]'::json) AS participations
FROM "Arrangement" a
JOIN "Sector" s ON s.id = a."sectorId"
LEFT JOIN "LegalForm" lf ON lf.id = a."legalFormId"
ORDER BY a.id`;

export const SNAPSHOT_MUNICIPALITIES_SQL = `SELECT id, slug, name, "inSurveyScope" FROM "Municipality" ORDER BY id`;

export interface SnapshotRow {
  id: number;
  slug: string;
  name: string;
  sector: string;
  legalForm: string | null;
  legalFormName: string | null;
  hostMunicipalityId: number | null;
  establishedYear: number | null;
  establishedPeriodFrom: number | null;
  endDate: string | null;
  participations: { municipalityId: number; role: string; joinedOn: string | null; leftOn: string | null }[];
}

/** The document for day `asOf` from all arrangements and municipalities. */
export function buildSnapshotDocument(asOf: string, rows: readonly SnapshotRow[], municipalities: readonly SnapshotMunicipality[]): SnapshotDocument {
  const arrangements: SnapshotArrangement[] = [];
  const mentioned = new Set<number>();
  for (const row of rows) {
    if (!isArrangementActiveOn(row, asOf)) continue;
    const participants = row.participations.filter((p) => isParticipationActiveOn(p, asOf)).map((p) => ({ municipalityId: p.municipalityId, role: p.role }));
    participants.forEach((p) => mentioned.add(p.municipalityId));
    if (row.hostMunicipalityId !== null) mentioned.add(row.hostMunicipalityId);
    arrangements.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      sector: row.sector,
      legalForm: row.legalForm,
      legalFormName: row.legalFormName,
      hostMunicipalityId: row.hostMunicipalityId,
      establishedYear: row.establishedYear,
      endDate: row.endDate,
      participants,
    });
  }
  return {
    version: SNAPSHOT_VERSION,
    asOf,
    arrangements,
    municipalities: municipalities.filter((m) => m.inSurveyScope || mentioned.has(m.id)).map((m) => ({ id: m.id, slug: m.slug, name: m.name, inSurveyScope: m.inSurveyScope })),
  };
}

/** The first snapshot: the registry as the 2021 report closed its file. */
export const REPORT_2021_SNAPSHOT = { slug: "rapport-2021", name: "Rapport 2021", asOf: "2021-11-01" } as const;
