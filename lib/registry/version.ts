import "server-only";
import type pg from "pg";
import { readPool } from "@/lib/db";
import { startOfDayInNorway, todayInNorway } from "@/lib/domain/today";

/**
 * The registry's change counter, for HTTP validators (ETag, Last-Modified) on the open API and the
 * open-data files. Every applied change writes an AuditEvent in the mutation pipeline's transaction
 * (lib/changes/mutation.ts → lib/audit/record.ts), so the newest such event (id and time)
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

// The column holds UTC without a zone (Prisma's DateTime): epoch milliseconds, whatever the process's TZ.
const LATEST_EVENT_SQL = `SELECT id, (extract(epoch FROM at) * 1000)::float8 AS ms FROM "AuditEvent" WHERE "changeRequestId" IS NULL OR "arrangementId" IS NOT NULL ORDER BY id DESC LIMIT 1`;
type LatestEvent = { id: number; ms: number } | undefined;

/** Per pool: the query under way, and the one that starts when it is done (callers that came while it ran). */
const reads = new WeakMap<pg.Pool, { running: Promise<LatestEvent> | null; following: Promise<LatestEvent> | null }>();

/**
 * The newest relevant audit event, read by a query that starts after this call: never older than
 * any change committed before the caller asked. Callers that come while a query runs share the
 * next one (it starts when the running one ends), so under load there is one query per round trip,
 * not one per request, and no caller is ever given a read that began before it arrived.
 */
export function latestEvent(pool: pg.Pool): Promise<LatestEvent> {
  let state = reads.get(pool);
  if (!state) reads.set(pool, (state = { running: null, following: null }));
  const current = state;
  const start = (): Promise<LatestEvent> => {
    const query = pool.query<{ id: number; ms: number }>(LATEST_EVENT_SQL).then((result) => result.rows[0]);
    current.running = query;
    const clear = () => {
      if (current.running === query) current.running = null;
    };
    query.then(clear, clear);
    return query;
  };
  if (!current.running) return start();
  current.following ??= current.running
    .catch(() => undefined)
    .then(() => {
      current.following = null;
      return start();
    });
  return current.following;
}

/** Today in Norway and its start, worked out once per second (every public read asks; the time-zone arithmetic is the costly part). */
let lastDay: { second: number; today: string; dayStart: Date } | null = null;
function dayOf(now: Date): { today: string; dayStart: Date } {
  const second = Math.floor(now.getTime() / 1000);
  if (lastDay?.second !== second) {
    const today = todayInNorway(now);
    lastDay = { second, today, dayStart: startOfDayInNorway(today) };
  }
  return lastDay;
}

export async function registryVersion(options: { now?: Date; anonymous?: boolean } = {}): Promise<RegistryVersion> {
  const now = options.now ?? new Date();
  // Events about a proposal that touched no arrangement (sent, commented, returned, rejected,
  // withdrawn) change nothing the public sees, so they leave the version alone. The newest
  // relevant event is found by walking the primary key backwards (constant time, whatever the
  // size of the log); its time is part of the token too, so a restored backup whose ids start
  // again can never meet a token from before the restore. Read with plain `pg` (one small query on
  // every public read) from the server the visitor's data comes from (lib/db.ts readPool): a replica
  // that lags must never pair its older data with the primary's newer version.
  const latest = await latestEvent(readPool(options.anonymous));
  const { today, dayStart } = dayOf(now);
  const lastChange = new Date(latest?.ms ?? 0);
  const lastModified = new Date(Math.floor(Math.max(lastChange.getTime(), dayStart.getTime(), PROCESS_START.getTime()) / 1000) * 1000);
  return { token: `${latest?.id ?? 0}.${lastChange.getTime()}.${today}.${PROCESS_START.getTime()}`, lastModified };
}
