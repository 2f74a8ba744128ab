import { log } from "@/lib/log";

/**
 * Graceful shutdown. On SIGTERM/SIGINT Next's server stops accepting connections, lets open requests
 * finish and then calls process.exit. The work that must come after the last request — stopping the
 * outbox worker, ending the database pool — runs in that exit: once a signal has arrived, process.exit
 * first runs `close` (at most `timeoutMs`), then exits with the code Next chose.
 */
export function installGracefulShutdown(close: () => Promise<void>, timeoutMs = 10_000): void {
  const state = globalThis as unknown as { samarbeidShutdown?: boolean };
  if (state.samarbeidShutdown) return;
  state.samarbeidShutdown = true;
  let signalled = false;
  let closing: Promise<void> | null = null;
  const realExit = process.exit.bind(process);
  const runClose = () =>
    (closing ??= Promise.race([close(), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]).catch((error: unknown) => log.error({ err: error }, "Feil under avslutning")));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      signalled = true;
      log.info({ signal }, "Avslutter: tar ikke imot nye forespørsler, venter på de som pågår");
      // Without another handler (Next registers one) the process would never exit: do it here.
      if (process.listenerCount(signal) === 1) void runClose().then(() => realExit(0));
    });
  }
  process.exit = ((code?: number | string | null) => {
    if (!signalled) return realExit(code ?? undefined);
    void runClose().then(() => {
      log.info({ code }, "Avsluttet");
      realExit(code ?? undefined);
    });
    return undefined as never;
  }) as typeof process.exit;
}
