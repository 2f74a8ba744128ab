// A process shaped like `next start` for tests/unit/shutdown.test.ts: Next's own SIGTERM handler
// finishes an open request and calls process.exit(143); graceful shutdown must run first.
import { installGracefulShutdown } from "../../lib/shutdown.ts";

installGracefulShutdown(async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  process.stdout.write("closed worker and pool\n");
});
process.on("SIGTERM", () => {
  setTimeout(() => {
    process.stdout.write("last request finished\n");
    process.exit(143);
  }, 100);
});
setInterval(() => {}, 1000);
process.stdout.write("ready\n");
