import "server-only";
import { prisma } from "@/lib/db";
import { REGISTRY_TIME_ZONE, todayInNorway } from "@/lib/domain/today";

/**
 * The registry's change counter, for HTTP validators (ETag, Last-Modified) on the open API and the
 * open-data files. Every applied change writes an AuditEvent in the mutation pipeline's transaction
 * (lib/changes/mutation.ts → lib/audit/record.ts), so the highest event id plus the number of events
 * changes with every applied change (events about proposals alone are left out). Today's date in Norway is part of the version too: what is
 * "active" (the default `dato`) moves at midnight without any change being applied, and so is the
 * process start (a deploy may change what an answer looks like).
 */
export interface RegistryVersion {
  /** Opaque token: changes whenever an answer may have changed. */
  token: string;
  /** The latest of the last applied change, the start of today in Norway and the process start (whole seconds). */
  lastModified: Date;
}

/** A new process (a deploy) may answer differently with the same data, so it starts a new version. */
const PROCESS_START = new Date();

export async function registryVersion(now: Date = new Date()): Promise<RegistryVersion> {
  // Events about a proposal that touched no arrangement (sent, commented, returned, rejected,
  // withdrawn) change nothing the public sees, so they leave the version alone.
  const aggregate = await prisma.auditEvent.aggregate({
    where: { OR: [{ changeRequestId: null }, { arrangementId: { not: null } }] },
    _max: { id: true, at: true },
    _count: { _all: true },
  });
  const today = todayInNorway(now);
  const lastChange = aggregate._max.at ?? new Date(0);
  const dayStart = startOfDayInNorway(today);
  const lastModified = new Date(Math.floor(Math.max(lastChange.getTime(), dayStart.getTime(), PROCESS_START.getTime()) / 1000) * 1000);
  return { token: `${aggregate._max.id ?? 0}.${aggregate._count._all}.${today}.${PROCESS_START.getTime()}`, lastModified };
}

/** Midnight at the start of a YYYY-MM-DD day in Norway, as an instant. */
export function startOfDayInNorway(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // Norway is UTC+1 or UTC+2: the offset at that instant, read back through the time zone.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: REGISTRY_TIME_ZONE, hour: "2-digit", hourCycle: "h23" }).format(utcMidnight);
  const offsetHours = Number.parseInt(parts, 10);
  return new Date(utcMidnight.getTime() - offsetHours * 3_600_000);
}
