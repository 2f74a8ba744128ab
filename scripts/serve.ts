/**
 * The production web server (`npm start` runs it through scripts/start.ts; decision 0052): Next.js
 * behind a small front that answers kept public reads from memory (lib/http/front.ts) before
 * Next.js routes them. Everything else, static files included, is Next.js's own request handler.
 *
 * Environment: PORT (default 3000); it listens on every interface, as `next start` does.
 * SIGTERM/SIGINT: stop taking connections, let open requests finish, then exit (lib/shutdown.ts
 * runs its closing work in that exit).
 */
// Next.js's process setup (AsyncLocalStorage and friends) must come before any module that loads Next.js code.
import "next/dist/server/node-environment.js";
import http from "node:http";
import next from "next";
import { answerFromMemory, FRONT_ENV } from "../lib/http/front.ts";
import { ROOT } from "./lib/prepare.ts";

process.env[FRONT_ENV] = "1";
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, dir: ROOT, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  answerFromMemory(req, res)
    .then((answered) => (answered ? undefined : handle(req, res)))
    .catch((error: unknown) => {
      console.error("[samarbeidsregisteret] uventet feil i forespørselen", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
});
// As `next start`: keep idle connections a little longer than a typical load balancer does.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ Next.js ${process.env.npm_package_dependencies_next ?? ""} med minne for offentlige svar: http://localhost:${port}`));

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Open requests get 10 s to finish.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
