import "server-only";
import { log } from "@/lib/log";
import { drainOutbox } from "./outbox.ts";

/**
 * The outbox's delivery loop in a running app: started once per server process (instrumentation.ts),
 * it drains due mails every 30 seconds (retries, digests) and right after each committed mutation
 * (`kickOutbox`). Not started in unit or integration tests, which call drainOutbox themselves.
 */
const state = globalThis as unknown as { outboxWorker?: { timer: NodeJS.Timeout; running: boolean; again: boolean } };

const INTERVAL_MS = 30_000;

async function tick(): Promise<void> {
  const worker = state.outboxWorker;
  if (!worker) return;
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      await drainOutbox();
    } while (worker.again);
  } catch (error) {
    log.warn({ err: error }, "Utboks: kunne ikke sende nå; prøver igjen");
  } finally {
    worker.running = false;
  }
}

export function startOutboxWorker(): void {
  if (state.outboxWorker) return;
  const timer = setInterval(() => void tick(), INTERVAL_MS);
  timer.unref();
  state.outboxWorker = { timer, running: false, again: false };
  void tick();
}

/** Stops the loop; resolves when a drain that is running has finished (graceful shutdown). */
export async function stopOutboxWorker(): Promise<void> {
  const worker = state.outboxWorker;
  if (!worker) return;
  clearInterval(worker.timer);
  delete state.outboxWorker;
  for (let i = 0; worker.running && i < 100; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** After a commit that may have written mail: send now rather than at the next tick (no-op without a worker). */
export function kickOutbox(): void {
  if (state.outboxWorker) setImmediate(() => void tick());
}
