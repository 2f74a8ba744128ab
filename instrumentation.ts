/**
 * Runs once when a server process starts (Next.js instrumentation hook): the e-mail outbox's
 * delivery loop (lib/mail/worker.ts, docs/decisions/0048-mail-outbox.md).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxWorker } = await import("./lib/mail/worker");
  startOutboxWorker();
}
