/**
 * Property-based tests (fast-check) over every GET route handler in app/ (the open API, exports,
 * open data, health, the badge): hostile query strings and path segments answer 2xx–4xx, never 5xx;
 * errors are Norwegian JSON without internal text; and no read changes the database.
 * FUZZ_RUNS sets the runs per route (default 6 × 3).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";
import { databaseFingerprint } from "@/scripts/lib/backup";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { hostileText } from "@/tests/helpers/hostile";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => session.actor, loadActor: async () => session.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 6) * 3;
const ROOT = path.resolve(import.meta.dirname, "../..");
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every route.ts with a GET handler, with the names of its dynamic segments. */
function routes(): { file: string; route: string; params: string[] }[] {
  return (readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith("route.ts") && !f.includes("nextauth"))
    .map((f) => {
      const route = `/${path.dirname(f)}`;
      return { file: path.join(ROOT, "app", f), route, params: [...route.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) };
    });
}

/** Parameter names from the OpenAPI document, so the fuzzer hits the names the routes read. */
const PARAMETER_NAMES = [
  "antall",
  "side",
  "sok",
  "kommune",
  "fylke",
  "region",
  "status",
  "dato",
  "fra",
  "til",
  "sortering",
  "retning",
  "format",
  "aar",
  "oppgave",
  "sektor",
  "nivaa",
  "organisering",
  "vert",
];

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
  const openapi = (await import("@/app/api/v1/openapi.json/route")) as unknown as { GET: Handler };
  const document = (await (await openapi.GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) })).json()) as {
    paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
  };
  for (const operations of Object.values(document.paths))
    for (const op of Object.values(operations)) for (const p of op.parameters ?? []) if (!PARAMETER_NAMES.includes(p.name)) PARAMETER_NAMES.push(p.name);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("fuzz: every GET route under hostile query strings and path segments", () => {
  it("knows the routes", () => {
    expect(routes().length).toBeGreaterThan(10);
  });

  for (const { file, route, params } of routes()) {
    it(`GET ${route}: 2xx–4xx, Norwegian JSON errors, nothing written`, async () => {
      const handlers = (await import(file)) as { GET?: Handler };
      if (!handlers.GET) return;
      const before = await databaseFingerprint(db.url);
      const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMETER_NAMES), fc.string({ maxLength: 8 })), hostileText), { maxLength: 5 });
      const segments = fc.tuple(...params.map(() => fc.oneof(hostileText, fc.constantFrom("3301", "al", "innkjopssamarbeid-al-hol", "ordninger", "1"))));
      await fc.assert(
        fc.asyncProperty(query, params.length ? segments : fc.constant([] as string[]), fc.boolean(), async (pairs, values, loggedIn) => {
          const search = new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 2000)]));
          const url = `http://localhost${route.replace(/\[[^\]]+\]/g, (segment) => encodeURIComponent(values[params.indexOf(segment.slice(1, -1))] ?? "x"))}?${search}`;
          session.actor = loggedIn ? t.adviser : null;
          let response: Response;
          try {
            response = await handlers.GET!(new Request(url), { params: Promise.resolve(Object.fromEntries(params.map((p, i) => [p, values[i]!]))) });
          } catch (error) {
            // notFound() from a route is Next's 404; anything else thrown would be a 500.
            if (error instanceof Error && /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/.test(`${error.message} ${(error as { digest?: string }).digest ?? ""}`)) return;
            throw error;
          } finally {
            session.actor = null;
          }
          expect(response.status, url).toBeLessThan(500);
          if (response.status >= 400 && (response.headers.get("content-type") ?? "").includes("json")) {
            const body = JSON.stringify(await response.json());
            expect(body).not.toMatch(/prisma|postgres|SQLSTATE|invalid byte sequence|at .*\.ts:\d+/i);
          }
        }),
        { numRuns: RUNS },
      );
      expect(await databaseFingerprint(db.url)).toEqual(before);
    });
  }
});
