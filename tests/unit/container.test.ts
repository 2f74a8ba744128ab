import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The container findings of issue #14, pinned on the files themselves: local state never goes into
 * the image, SIGTERM reaches Node, the image runs as a non-root user with a health check, compose
 * publishes on loopback unless told otherwise, and the Node version is a supported LTS.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const lines = (file: string) =>
  read(file)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

describe("the container", () => {
  it("leaves dependencies, the build, the embedded database and the auth secret out of the image", () => {
    expect(lines(".dockerignore")).toEqual(expect.arrayContaining(["node_modules", ".next", ".data", ".env"]));
  });

  it("starts Node in exec form (PID 1 gets SIGTERM), as a non-root user, with a health check", () => {
    const dockerfile = lines("Dockerfile");
    const runtime = dockerfile.slice(dockerfile.findLastIndex((line) => line.startsWith("FROM ")));
    const cmd = runtime.filter((line) => line.startsWith("CMD ") || line.startsWith("ENTRYPOINT "));
    expect(cmd.at(-1)).toMatch(/^CMD \["node",/);
    const user = runtime.filter((line) => line.startsWith("USER ")).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    expect(runtime.some((line) => line.startsWith("HEALTHCHECK "))).toBe(true);
    expect(runtime[0]).toMatch(/^FROM node:(2[2-9]|[3-9]\d)/);
  });

  it("publishes the app and the database on 127.0.0.1 unless told otherwise", () => {
    const published = read("docker-compose.yml").match(/^\s*-\s*"[^"]+:\d+"\s*$/gm) ?? [];
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const entry of published) expect(entry).toMatch(/"(127\.0\.0\.1|\$\{APP_BIND:-127\.0\.0\.1\})/);
  });

  it("asks for Node 22 LTS or newer", () => {
    expect(JSON.parse(read("package.json")).engines.node).toBe(">=22");
    expect(read(".nvmrc").trim()).toBe("22");
  });
});
