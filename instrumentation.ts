/**
 * Runs once when a server process starts (Next.js instrumentation hook): the e-mail outbox's
 * delivery loop (lib/mail/worker.ts, docs/decisions/0048-mail-outbox.md), and graceful shutdown
 * (lib/shutdown.ts): after SIGTERM and the last open request, the worker stops and the pool closes.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxWorker, stopOutboxWorker } = await import("./lib/mail/worker");
  const { installGracefulShutdown } = await import("./lib/shutdown");
  startOutboxWorker();
  installGracefulShutdown(async () => {
    await stopOutboxWorker();
    const { disconnectDatabase } = await import("./lib/db");
    await disconnectDatabase();
  });
}
