import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { isParticipationActiveOn, isParticipationCurrentOrUpcoming } from "@/lib/domain/activity";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { checkArrangement, type LastClosedRound, type QualityArrangement, type QualityContext, type QualityFinding } from "./rules";
import { lastClosedRoundConfirmations } from "@/lib/rounds/queries";

/** One arrangement with its findings, and what the dashboard groups and links by. */
export interface QualityRow {
  arrangement: QualityArrangement;
  findings: QualityFinding[];
}

/**
 * The last closed survey round's confirmations (lib/rounds): without a closed round the rule
 * «ikke-bekreftet» does not apply (docs/decisions/0046).
 */
async function lastClosedRound(): Promise<LastClosedRound | null> {
  const { round, confirmations } = await lastClosedRoundConfirmations();
  if (!round) return null;
  const asked = await prisma.surveyRoundMunicipality.findMany({ where: { roundId: round.id }, select: { municipalityId: true } });
  return { name: round.name, confirmedArrangementIds: new Set(confirmations.keys()), municipalityIds: new Set(asked.map((m) => m.municipalityId)) };
}

/** The context every rule sees; once per request. */
export const qualityContext = cache(async (): Promise<QualityContext> => ({ lastClosedRound: await lastClosedRound() }));

const include = {
  legalForm: { select: { code: true, outdated: true } },
  participations: { select: { municipalityId: true, joinedOn: true, leftOn: true } },
  taskAreas: { select: { taskArea: { select: { slug: true } } } },
  staffing: { select: { year: true } },
  provenance: { where: { field: "legalForm" }, select: { confidence: true } },
  agreementFile: { select: { arrangementId: true } },
} as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOne>>>;
const loadOne = (id: number) => prisma.arrangement.findUnique({ where: { id }, include });

/** The shape the rules read, from one loaded arrangement (today's participants). */
export function toQualityArrangement(a: Loaded, today = todayInNorway()): QualityArrangement {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    shortName: a.shortName,
    legalForm: a.legalForm ? { code: a.legalForm.code, outdated: a.legalForm.outdated, inferred: a.provenance.some((p) => p.confidence === "INFERRED") } : null,
    hostMunicipalityId: a.hostMunicipalityId,
    participantIds: [...new Set(a.participations.filter((p) => isParticipationCurrentOrUpcoming({ leftOn: isoDateOf(p.leftOn) }, today)).map((p) => p.municipalityId))],
    namedParticipantCount: new Set(a.participations.filter((p) => isParticipationActiveOn(p, today)).map((p) => p.municipalityId)).size,
    statedParticipantCount: a.statedParticipantCount,
    orgNr: a.orgNr,
    establishedYear: a.establishedYear,
    taskAreaSlugs: a.taskAreas.map((t) => t.taskArea.slug),
    staffingYears: a.staffing.map((s) => s.year),
    agreement: { date: isoDateOf(a.agreementDate), revisedDate: isoDateOf(a.agreementRevisedDate), url: a.agreementUrl, hasFile: a.agreementFile !== null },
  };
}

/** The findings for one arrangement (an ended arrangement has none: the rules are about what is running). */
export async function qualityFindingsFor(arrangementId: number): Promise<QualityFinding[]> {
  const a = await loadOne(arrangementId);
  const today = todayInNorway();
  if (!a || (a.endDate && isoDateOf(a.endDate)! < today)) return [];
  return checkArrangement(toQualityArrangement(a, today), await qualityContext());
}

/**
 * Every arrangement that has not ended, with its findings: the dashboard, the API list and the
 * editor's list read this. `arrangementIds` narrows it (one page of the API).
 */
export const qualityRows = cache(async (arrangementIds?: readonly number[]): Promise<QualityRow[]> => {
  const today = todayInNorway();
  const rows = await prisma.arrangement.findMany({
    where: { OR: [{ endDate: null }, { endDate: { gte: new Date(`${today}T00:00:00Z`) } }], ...(arrangementIds ? { id: { in: [...arrangementIds] } } : {}) },
    include,
    orderBy: { name: "asc" },
  });
  const ctx = await qualityContext();
  return rows.map((a) => {
    const arrangement = toQualityArrangement(a, today);
    return { arrangement, findings: checkArrangement(arrangement, ctx) };
  });
});

/** Findings by arrangement id, for lists that show them beside their own rows. */
export async function qualityFindingsByArrangement(arrangementIds?: readonly number[]): Promise<Map<number, QualityFinding[]>> {
  const rows = await qualityRows(arrangementIds);
  return new Map(rows.map((r) => [r.arrangement.id, r.findings]));
}
