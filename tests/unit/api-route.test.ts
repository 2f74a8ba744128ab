import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db";
import { notFound, ok } from "@/lib/api/responses";
import { apiPathRoute, apiQueryRoute, DATABASE_UNAVAILABLE, INTERNAL_ERROR, isDatabaseUnavailable, type QueryParameters } from "@/lib/api/route";

// The registry version (the ETag) is read from the database; these tests are about parsing and
// error answers, so it is fixed here. The handlers below still meet the closed database.
vi.mock("@/lib/registry/version", () => ({ registryVersion: async () => ({ token: "test", lastModified: new Date(0) }) }));

/** A port nothing listens on: every connection is refused at once. */
const CLOSED = "postgresql://ingen:ingen@127.0.0.1:1/ingen";

beforeAll(() => {
  vi.stubEnv("DATABASE_URL", CLOSED);
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const schema = z.object({ side: z.coerce.number({ error: "side må være et tall" }).int().min(1, "side må være minst 1").optional() });
const query: QueryParameters<z.output<typeof schema>> = {
  schema,
  rejectUnknown: true,
  parse(params) {
    const parsed = schema.safeParse(Object.fromEntries(params));
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: "Ugyldige parametere", details: parsed.error.issues.map((i) => ({ felt: String(i.path[0]), melding: i.message })) };
  },
};
const echo = apiQueryRoute(query, async ({ query }) => ok({ side: query.side ?? 1 }));

const get = (route: (request: Request) => Promise<Response>, path: string) => route(new Request(`http://localhost${path}`));

describe("apiQueryRoute", () => {
  it("hands the parsed parameters to the handler", async () => {
    const response = await get(echo, "/x?side=3");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ side: 3 });
  });

  it("answers 400 in Norwegian, naming an unknown parameter", async () => {
    const response = await get(echo, "/x?side=2&sidee=3");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body.feil).toBe("Ukjent parameter: «sidee». Gyldige parametere er side.");
    expect(body.detaljer).toEqual([{ felt: "sidee", melding: "Ukjent parameter «sidee». Gyldige parametere er side." }]);
  });

  it("answers 400 naming the parameter whose value is wrong", async () => {
    const response = await get(echo, "/x?side=0");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ feil: "Ugyldige parametere", detaljer: [{ felt: "side", melding: "side må være minst 1" }] });
  });

  it("answers 500 without internal text when the handler fails unexpectedly", async () => {
    const failing = apiQueryRoute(query, async () => {
      throw new Error("intern hemmelighet: tabell x mangler");
    });
    const response = await get(failing, "/x");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ feil: INTERNAL_ERROR });
    expect(text).not.toMatch(/hemmelighet/);
  });
});

describe("apiPathRoute", () => {
  const route = apiPathRoute<{ id: string }>(async ({ params }) => (params.id === "finnes" ? ok({ id: params.id }) : notFound(`Fant ingen ordning med id «${params.id}»`)));

  it("answers 404 with a Norwegian JSON message", async () => {
    const response = await route(new Request("http://localhost/x/borte"), { params: Promise.resolve({ id: "borte" }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ feil: "Fant ingen ordning med id «borte»" });
    expect((await route(new Request("http://localhost/x/finnes"), { params: Promise.resolve({ id: "finnes" }) })).status).toBe(200);
  });
});

describe("an unreachable database", () => {
  it("is recognised in Prisma's and pg's errors", async () => {
    const client = createPrismaClient(CLOSED);
    const prismaError = await client.region.findMany().catch((error: unknown) => error);
    await client.$disconnect();
    const pool = new pg.Pool({ connectionString: CLOSED });
    const pgError = await pool.query("SELECT 1").catch((error: unknown) => error);
    await pool.end();
    expect(isDatabaseUnavailable(prismaError)).toBe(true);
    expect(isDatabaseUnavailable(pgError)).toBe(true);
    expect(isDatabaseUnavailable(new Error("noe annet"))).toBe(false);
  });

  it.each([
    ["/api/v1/kommuner", async () => (await import("@/app/api/v1/kommuner/route")).GET],
    ["/api/v1/ordninger?antall=5", async () => (await import("@/app/api/v1/ordninger/route")).GET],
    ["/api/v1/statistikk?dato=2021-11-01", async () => (await import("@/app/api/v1/statistikk/route")).GET],
    ["/api/v1/statistikk/kommuner", async () => (await import("@/app/api/v1/statistikk/kommuner/route")).GET],
    ["/api/v1/statistikk/oppgaver", async () => (await import("@/app/api/v1/statistikk/oppgaver/route")).GET],
  ])("makes %s answer 503 with a Norwegian JSON message", async (path, load) => {
    const GET = await load();
    const response = await GET(new Request(`http://localhost${path}`));
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ feil: DATABASE_UNAVAILABLE });
  });

  it.each([
    ["/api/v1/ordninger/ika-kongsberg", async (request: Request) => (await import("@/app/api/v1/ordninger/[id]/route")).GET(request, { params: Promise.resolve({ id: "ika-kongsberg" }) })],
    ["/api/v1/kommuner/3301", async (request: Request) => (await import("@/app/api/v1/kommuner/[nummer]/route")).GET(request, { params: Promise.resolve({ nummer: "3301" }) })],
  ])("makes %s answer 503 with a Norwegian JSON message", async (path, call) => {
    const response = await call(new Request(`http://localhost${path}`));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ feil: DATABASE_UNAVAILABLE });
  });

  it("still answers 400 for parameters the API does not know, before asking the database", async () => {
    const { GET } = await import("@/app/api/v1/ordninger/route");
    const response = await GET(new Request("http://localhost/api/v1/ordninger?kommune=3301&fylke=buskerud"));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.feil).toMatch(/^Ukjent parameter: «fylke»\. Gyldige parametere er kommune, region, /);
    expect(body.detaljer).toEqual([{ felt: "fylke", melding: expect.stringContaining("Ukjent parameter «fylke»") }]);
  });
});
