import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";

/** HTTP conventions of the open API (lib/api/http.ts): CORS, preflight, ETag/304, unknown parameters. */

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route module and path parameters for an /api/v1 path, as Next.js would route it. */
async function routeFor(path: string): Promise<{ module: { GET: Handler; OPTIONS: () => Response }; params: Record<string, string> }> {
  const segments = new URL(`http://localhost${path}`).pathname.split("/").slice(3);
  const [first, second] = segments;
  const load = async (m: Promise<unknown>) => (await m) as { GET: Handler; OPTIONS: () => Response };
  if (first === "ordninger" && second) return { module: await load(import("@/app/api/v1/ordninger/[id]/route")), params: { id: second } };
  if (first === "ordninger") return { module: await load(import("@/app/api/v1/ordninger/route")), params: {} };
  if (first === "kommuner" && second) return { module: await load(import("@/app/api/v1/kommuner/[nummer]/route")), params: { nummer: second } };
  if (first === "kommuner") return { module: await load(import("@/app/api/v1/kommuner/route")), params: {} };
  if (first === "statistikk" && second === "oppgaver") return { module: await load(import("@/app/api/v1/statistikk/oppgaver/route")), params: {} };
  if (first === "statistikk" && second === "kommuner") return { module: await load(import("@/app/api/v1/statistikk/kommuner/route")), params: {} };
  if (first === "statistikk") return { module: await load(import("@/app/api/v1/statistikk/route")), params: {} };
  return { module: await load(import("@/app/api/v1/openapi.json/route")), params: {} };
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const { module, params } = await routeFor(path);
  return module.GET(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) });
}

const PATHS = [
  "/api/v1/ordninger?antall=5",
  "/api/v1/ordninger/innkjopssamarbeid-al-hol",
  "/api/v1/kommuner",
  "/api/v1/kommuner/3301",
  "/api/v1/statistikk",
  "/api/v1/statistikk/oppgaver",
  "/api/v1/statistikk/kommuner",
  "/api/v1/openapi.json",
];

describe("CORS", () => {
  it.each(PATHS)("answers a preflight for %s", async (path) => {
    const { module } = await routeFor(path);
    const response = module.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("Access-Control-Allow-Headers")).toMatch(/If-None-Match/);
  });

  it("is on 200, 308, 400 and 404 answers, and exposes the validators", async () => {
    for (const [path, status] of [
      ["/api/v1/kommuner", 200],
      ["/api/v1/kommuner/0618", 308],
      ["/api/v1/kommuner?foo=1", 400],
      ["/api/v1/ordninger/finnes-ikke", 404],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
      expect(response.headers.get("Access-Control-Expose-Headers"), path).toMatch(/ETag.*Last-Modified.*Retry-After/);
    }
  });
});

describe("unknown parameters", () => {
  it.each([
    "/api/v1/ordninger?kommunee=3301",
    "/api/v1/ordninger/innkjopssamarbeid-al-hol?format=csv",
    "/api/v1/kommuner?side=2",
    "/api/v1/kommuner/3301?dato=2021-11-01",
    "/api/v1/statistikk?regionn=hallingdal",
    "/api/v1/statistikk/oppgaver?x=1",
    "/api/v1/statistikk/kommuner?x=1",
  ])("%s answers 400 naming the parameter", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.feil).toMatch(/^Ukjent parameter/);
    expect(body.detaljer[0].felt).toBe([...new URL(`http://localhost${path}`).searchParams.keys()][0]);
  });
});

describe("validators and 304", () => {
  it.each(PATHS)("%s carries ETag, Last-Modified and a short public max-age, and answers 304 when current", async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    const lastModified = first.headers.get("Last-Modified")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60, must-revalidate");
    const repeat = await get(path, { "If-None-Match": etag });
    expect(repeat.status).toBe(304);
    expect(await repeat.text()).toBe("");
    expect(repeat.headers.get("ETag")).toBe(etag);
    expect(repeat.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await get(path, { "If-Modified-Since": lastModified })).status).toBe(304);
    expect((await get(path, { "If-None-Match": '"annet"' })).status).toBe(200);
  });

  it("gives each address its own ETag", async () => {
    const a = (await get("/api/v1/ordninger?antall=5")).headers.get("ETag");
    const b = (await get("/api/v1/ordninger?antall=6")).headers.get("ETag");
    expect(a).not.toBe(b);
  });

  it("changes the ETag when a change is applied, not when one is only proposed", async () => {
    const path = "/api/v1/ordninger/innkjopssamarbeid-al-hol";
    const first = await get(path);
    const etag = first.headers.get("ETag")!;
    const { MUTATIONS } = await import("@/lib/changes");
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const proposed = await MUTATIONS.updateArrangement(t.alEditor, { arrangementId: target.id, baseVersion: target.version, description: "Bare et forslag." });
    expect(proposed).toMatchObject({ ok: true, outcome: "proposed" });
    expect((await get(path, { "If-None-Match": etag })).status).toBe(304);

    const applied = await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, description: "Endret for ETag-testen." });
    expect(applied).toMatchObject({ ok: true, outcome: "applied" });
    const after = await get(path, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect((await after.json()).beskrivelse).toBe("Endret for ETag-testen.");
    const since = await get(path, { "If-Modified-Since": new Date(Date.now() - 60_000).toUTCString() });
    expect(since.status).toBe(200);
  });

  it("keeps health out of caches", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("ETag")).toBeNull();
  });
});
