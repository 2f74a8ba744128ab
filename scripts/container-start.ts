/**
 * The Docker image's start command (exec form, so Node is PID 1 and receives SIGTERM directly):
 * migrate and seed (scripts/db.ts deploy, with the react-server condition that lib's `server-only`
 * modules need outside Next) in a child process, then run Next's standalone server in
 * this process. A failed deploy step (bad DATABASE_URL, a demo password still active) exits 1
 * before the server starts.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const deploy = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/db.ts"), "deploy"], { cwd: root, stdio: "inherit", env: process.env });
if (deploy.status !== 0) process.exit(deploy.status ?? 1);

await import(pathToFileURL(path.join(root, "server.js")).href);

// Next's standalone server closes itself on SIGTERM/SIGINT in current versions; if it registered no
// handler, exit on the signal ourselves (PID 1 ignores signals that have no handler).
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  if (process.listenerCount(signal) === 0) process.on(signal, () => process.exit(0));
}
