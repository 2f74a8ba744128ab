import "server-only";
import { prisma } from "@/lib/db";
import { REGISTRY_TIME_ZONE } from "@/lib/domain/today";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: REGISTRY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The day (YYYY-MM-DD, Norway) of the last applied change to an arrangement, for dct:modified. */
export async function openDataModified(): Promise<string> {
  const [event, arrangement] = await Promise.all([
    prisma.auditEvent.aggregate({ where: { arrangementId: { not: null } }, _max: { at: true } }),
    prisma.arrangement.aggregate({ _max: { updatedAt: true } }),
  ]);
  const latest = Math.max(event._max.at?.getTime() ?? 0, arrangement._max.updatedAt?.getTime() ?? 0);
  return dayFormat.format(new Date(latest || Date.now()));
}
