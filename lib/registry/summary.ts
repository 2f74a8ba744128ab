import "server-only";
import { prisma } from "@/lib/db";
import { log } from "@/lib/log";

export interface RegistrySummary {
  arrangements: number;
  activeArrangements: number;
  municipalities: number;
  surveyedMunicipalities: number;
  participations: number;
}

/** Live counts for the front page, straight from PostgreSQL. */
export async function registrySummary(): Promise<RegistrySummary> {
  const [row] = await prisma.$queryRaw<{ arrangements: bigint; active: bigint; municipalities: bigint; surveyed: bigint; participations: bigint }[]>`SELECT
      (SELECT count(*) FROM "Arrangement") AS arrangements,
      (SELECT count(*) FROM "Arrangement" WHERE "endDate" IS NULL OR "endDate" >= CURRENT_DATE) AS active,
      (SELECT count(*) FROM "Municipality") AS municipalities,
      (SELECT count(*) FROM "Municipality" WHERE "inSurveyScope") AS surveyed,
      (SELECT count(*) FROM "Participation") AS participations`;
  return {
    arrangements: Number(row?.arrangements ?? 0),
    activeArrangements: Number(row?.active ?? 0),
    municipalities: Number(row?.municipalities ?? 0),
    surveyedMunicipalities: Number(row?.surveyed ?? 0),
    participations: Number(row?.participations ?? 0),
  };
}

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

export async function databaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    log.error({ err: error }, "Helsesjekk: databasen svarer ikke");
    return { ok: false, error: "Databasen svarer ikke" };
  }
}
