import "server-only";
import { registryVersion } from "@/lib/registry/version";

/**
 * A small in-process memory for the map's page model. The graph only changes when the registry
 * does, so an answer is kept under the registry's change counter (lib/registry/version.ts: every
 * applied change, today's date in Norway and the process start); a new version makes every kept
 * answer unreachable, so nothing older than the last applied change is ever served. At most
 * MAX_ENTRIES answers are kept (least recently used dropped first).
 */
const MAX_ENTRIES = 40;

const globalForMap = globalThis as unknown as { mapMemo?: Map<string, Promise<unknown>> };
const entries = (globalForMap.mapMemo ??= new Map<string, Promise<unknown>>());

export async function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const { token } = await registryVersion();
  const full = `${token}|${key}`;
  const found = entries.get(full) as Promise<T> | undefined;
  if (found) {
    entries.delete(full);
    entries.set(full, found);
    return found;
  }
  const pending = compute();
  entries.set(full, pending);
  pending.catch(() => entries.delete(full));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}

/** Forgets everything (tests). */
export function forgetMapMemo(): void {
  entries.clear();
}
