import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { CURRENT_WHERE, isParticipationActiveOn } from "@/lib/domain/activity";
import { establishedLabel } from "@/lib/domain/establishment";
import type { ParticipationRoleName } from "@/lib/domain/roles";
import { participationActiveOn } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { qualityFindingsFor } from "@/lib/quality/load";
import type { QualityFinding } from "@/lib/quality/rules";
import { arrangementRows } from "./list";
import type { ArrangementRow } from "./types";

export interface ParticipationDetail {
  municipality: { id: number; slug: string; name: string; code: string | null; inSurveyScope: boolean };
  role: ParticipationRoleName;
  joinedOn: string | null;
  leftOn: string | null;
  activeToday: boolean;
  source: string | null;
}

export interface ProvenanceDetail {
  field: string;
  source: string;
  inferred: boolean;
  note: string | null;
}

export interface RelatedArrangement {
  slug: string;
  name: string;
  shared: number;
}

export interface ArrangementDetail {
  row: ArrangementRow;
  correctedName: string | null;
  notes: string | null;
  orgNr: string | null;
  endReason: string | null;
  statedParticipantCount: number | null;
  established: { label: string; year: number | null; unspecified: boolean };
  legalForm: { code: string; name: string; legalBasis: string; description: string | null; outdated: boolean; counted: boolean } | null;
  participations: ParticipationDetail[];
  staffing: { year: number; fte: number; source: string | null }[];
  provenance: ProvenanceDetail[];
  relatedByTaskArea: RelatedArrangement[];
  relatedByParticipants: RelatedArrangement[];
  agreement: AgreementDetail;
  /** The data-quality rules' findings (lib/quality); none for an ended arrangement. */
  quality: QualityFinding[];
}

export interface AgreementDetail {
  date: string | null;
  revisedDate: string | null;
  url: string | null;
  file: { fileName: string; size: number; sha256: string; uploadedAt: string } | null;
}

export type ArrangementLookup = { kind: "found"; detail: ArrangementDetail } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** One arrangement by slug; a numeric id answers with a redirect to the slug (stable, readable URLs). Once per request (React cache): generateMetadata and the page share one load. */
export const findArrangement = cache(loadArrangement);

async function loadArrangement(idOrSlug: string): Promise<ArrangementLookup> {
  if (/^\d{1,9}$/.test(idOrSlug)) {
    const found = await prisma.arrangement.findUnique({ where: { id: Number(idOrSlug) }, select: { slug: true } });
    return found ? { kind: "redirect", slug: found.slug } : { kind: "missing" };
  }
  if (!/^[a-z0-9-]{1,200}$/.test(idOrSlug)) return { kind: "missing" };
  const a = await prisma.arrangement.findUnique({
    where: { slug: idOrSlug },
    include: {
      legalForm: true,
      participations: { include: { municipality: { include: { codes: { where: CURRENT_WHERE } } } } },
      staffing: { orderBy: [{ year: "asc" }, { id: "asc" }] },
      provenance: { orderBy: { id: "asc" } },
      agreementFile: { select: { fileName: true, size: true, sha256: true, uploadedAt: true } },
    },
  });
  if (!a) return { kind: "missing" };
  const today = todayInNorway();
  const [row] = await arrangementRows([a.id], today);
  const [byTask, byParticipants, quality] = await Promise.all([
    prisma.$queryRaw<RelatedArrangement[]>`SELECT o.slug, o.name, count(*)::int AS shared
      FROM "ArrangementTaskArea" mine
      JOIN "ArrangementTaskArea" theirs ON theirs."taskAreaId" = mine."taskAreaId" AND theirs."arrangementId" <> mine."arrangementId"
      JOIN "Arrangement" o ON o.id = theirs."arrangementId"
      WHERE mine."arrangementId" = ${a.id}
      GROUP BY o.id, o.slug, o.name
      ORDER BY shared DESC, o.name ${NORWEGIAN_COLLATION}
      LIMIT 15`,
    prisma.$queryRaw<RelatedArrangement[]>`SELECT o.slug, o.name, count(DISTINCT theirs."municipalityId")::int AS shared
      FROM "Participation" mine
      JOIN "Participation" theirs ON theirs."municipalityId" = mine."municipalityId" AND theirs."arrangementId" <> mine."arrangementId"
      JOIN "Arrangement" o ON o.id = theirs."arrangementId"
      WHERE mine."arrangementId" = ${a.id} AND ${participationActiveOn("mine", today)} AND ${participationActiveOn("theirs", today)}
      GROUP BY o.id, o.slug, o.name
      HAVING count(DISTINCT theirs."municipalityId") >= least(2, (SELECT count(*) FROM "Participation" x WHERE x."arrangementId" = ${a.id}))
         AND count(DISTINCT theirs."municipalityId") * 2 >= (SELECT count(*) FROM "Participation" y WHERE y."arrangementId" = o.id)
      ORDER BY shared DESC, o.name ${NORWEGIAN_COLLATION}
      LIMIT 10`,
    qualityFindingsFor(a.id),
  ]);
  if (!row) return { kind: "missing" };
  const collator = new Intl.Collator("nb");
  return {
    kind: "found",
    detail: {
      row,
      correctedName: a.correctedName,
      notes: a.notes,
      orgNr: a.orgNr,
      endReason: a.endReason,
      statedParticipantCount: a.statedParticipantCount,
      established: { label: establishedLabel(a), year: a.establishedYear, unspecified: a.establishedUnspecified },
      legalForm: a.legalForm
        ? { code: a.legalForm.code, name: a.legalForm.name, legalBasis: a.legalForm.legalBasis, description: a.legalForm.description, outdated: a.legalForm.outdated, counted: a.legalForm.counted }
        : null,
      participations: a.participations
        .map((p) => ({
          municipality: { id: p.municipality.id, slug: p.municipality.slug, name: p.municipality.name, code: p.municipality.codes[0]?.code ?? null, inSurveyScope: p.municipality.inSurveyScope },
          role: p.role as ParticipationRoleName,
          joinedOn: isoDateOf(p.joinedOn),
          leftOn: isoDateOf(p.leftOn),
          activeToday: isParticipationActiveOn(p, today),
          source: p.source,
        }))
        .sort((x, y) => Number(y.activeToday) - Number(x.activeToday) || collator.compare(x.municipality.name, y.municipality.name)),
      staffing: a.staffing.map((s) => ({ year: s.year, fte: Number(s.fte), source: s.source })),
      provenance: a.provenance.map((p) => ({ field: p.field, source: p.source, inferred: p.confidence === "INFERRED", note: p.note })),
      relatedByTaskArea: byTask,
      relatedByParticipants: byParticipants,
      agreement: {
        date: isoDateOf(a.agreementDate),
        revisedDate: isoDateOf(a.agreementRevisedDate),
        url: a.agreementUrl,
        file: a.agreementFile ? { ...a.agreementFile, uploadedAt: a.agreementFile.uploadedAt.toISOString() } : null,
      },
      quality,
    },
  };
}

export const PROVENANCE_FIELD_NAMES: Record<string, string> = {
  arrangement: "Ordningen og deltakerne",
  host: "Vertskommune",
  legalForm: "Juridisk tilknytningsform",
  established: "Etableringsår",
  taskAreas: "Oppgaveområde",
};

/** "NIVI 2021, Tabell 5.2, rad 14" or "NIVI 2021, …; utledet" for the facts of one field. */
export function provenanceFor(detail: ArrangementDetail, field: string): ProvenanceDetail | undefined {
  return detail.provenance.find((p) => p.field === field);
}
