import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every lib module that reaches the database starts with `import "server-only"`, so Next refuses to
 * bundle it for the browser. "Reaches the database" = imports lib/db, `pg`, `@prisma/*` or the
 * generated Prisma client (type-only imports included: such a module runs queries on a client it is
 * given). Tests and test helpers (`*.test.ts`, `testing/`) run only under vitest and are exempt.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "testing" ? [] : modules(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const DATABASE_IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](?:@\/lib\/db|(?:\.\.?\/)+db|pg|@prisma\/[^"']+|@\/lib\/generated\/prisma\/[^"']+|(?:\.\.?\/)+generated\/prisma\/[^"']+)(?:\.ts)?["']/;
const SERVER_ONLY_FIRST = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*import\s+["']server-only["'];/;

function reachesDatabase(source: string): boolean {
  return DATABASE_IMPORT.test(source);
}

function startsWithServerOnly(source: string): boolean {
  return SERVER_ONLY_FIRST.test(source);
}

describe("server-only guard", () => {
  it("recognises database imports, including multi-line and type-only ones", () => {
    expect(reachesDatabase('import { prisma } from "@/lib/db";')).toBe(true);
    expect(reachesDatabase('import pg from "pg";')).toBe(true);
    expect(reachesDatabase('import {\n  Prisma,\n} from "@/lib/generated/prisma/client";')).toBe(true);
    expect(reachesDatabase('import type { PrismaClient } from "../generated/prisma/client.ts";')).toBe(true);
    expect(reachesDatabase('import { createPrismaClient } from "../db.ts";')).toBe(true);
    expect(reachesDatabase('import { z } from "zod";\nimport { formatDate } from "@/lib/format";')).toBe(false);
    expect(reachesDatabase('import { dbLabel } from "./dbx";')).toBe(false);
  });

  it("accepts the marker only as the first statement (comments may come before it)", () => {
    expect(startsWithServerOnly('import "server-only";\nimport pg from "pg";')).toBe(true);
    expect(startsWithServerOnly('/** Doc. */\nimport "server-only";')).toBe(true);
    expect(startsWithServerOnly('import pg from "pg";\nimport "server-only";')).toBe(false);
  });

  it("every lib module that reaches the database imports server-only first", () => {
    const files = modules(LIB);
    expect(files.length).toBeGreaterThan(20);
    const database = files.filter((file) => reachesDatabase(readFileSync(file, "utf8")));
    expect(database.map((file) => path.relative(ROOT, file))).toContain("lib/db.ts");
    const missing = database.filter((file) => !startsWithServerOnly(readFileSync(file, "utf8"))).map((file) => path.relative(ROOT, file));
    expect(missing, `mangler import "server-only" først: ${missing.join(", ")}`).toEqual([]);
  });
});
