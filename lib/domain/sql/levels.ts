import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { COOPERATION_MIN, LOCAL_MAX, REGIONAL_MAX } from "../levels";

/** SQL of levelOf (../levels.ts) for a participant-count expression. */
export function levelSql(countExpression: Prisma.Sql): Prisma.Sql {
  const local = Prisma.raw(String(LOCAL_MAX));
  const regional = Prisma.raw(String(REGIONAL_MAX));
  return Prisma.sql`(CASE WHEN ${countExpression} <= ${local} THEN 'lokalt' WHEN ${countExpression} <= ${regional} THEN 'regionalt' ELSE 'hoyere' END)`;
}

/** SQL: the arrangement of this size is below COOPERATION_MIN (only one municipality left). */
export function belowCooperationSql(countExpression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${countExpression} < ${Prisma.raw(String(COOPERATION_MIN))}`;
}
