import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./prepare.ts";

const SOURCES = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json", "proxy.ts"];
const STAMP = path.join(ROOT, ".next", "samarbeid-build-fingerprint");

function walk(target: string, out: string[]): void {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target)) if (entry !== "generated" && entry !== "node_modules") walk(path.join(target, entry), out);
  } else {
    out.push(`${path.relative(ROOT, target)}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A cheap fingerprint of everything the production build depends on. */
export function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const source of SOURCES) walk(path.join(ROOT, source), entries);
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceFingerprint();
}

/** Runs `next build` unless a build of the current sources exists. */
export function ensureBuild(log: (line: string) => void): void {
  if (buildIsCurrent()) return;
  log("Bygger applikasjonen (første gang, eller kildekoden er endret) …");
  const fingerprint = sourceFingerprint();
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("Byggingen feilet (se meldingene over).");
  writeFileSync(STAMP, fingerprint);
}
