import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("graceful shutdown (lib/shutdown.ts)", () => {
  it("on SIGTERM: open requests finish, then the worker and the pool close, then the process exits with Next's code", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/helpers/shutdown-child.ts")], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    await new Promise<void>((resolve) => child.stdout.on("data", () => output.includes("ready") && resolve()));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(143);
    expect(output.trim().split("\n")).toEqual(["ready", "last request finished", "closed worker and pool"]);
  }, 30_000);
});
