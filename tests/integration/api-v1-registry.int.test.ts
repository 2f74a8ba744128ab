import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

const get = async (path: string) => {
  const url = `http://localhost${path}`;
  if (path.startsWith("/api/v1/ordninger/")) {
    const { GET } = await import("@/app/api/v1/ordninger/[id]/route");
    return GET(new Request(url), { params: Promise.resolve({ id: path.split("/")[4]!.split("?")[0]! }) });
  }
  if (path.startsWith("/api/v1/ordninger")) {
    const { GET } = await import("@/app/api/v1/ordninger/route");
    return GET(new Request(url));
  }
  if (path.startsWith("/api/v1/kommuner/")) {
    const { GET } = await import("@/app/api/v1/kommuner/[nummer]/route");
    return GET(new Request(url), { params: Promise.resolve({ nummer: path.split("/")[4]! }) });
  }
  const { GET } = await import("@/app/api/v1/kommuner/route");
  return GET();
};

describe("GET /api/v1/ordninger", () => {
  it("returns the documented shape", async () => {
    const response = await get("/api/v1/ordninger?kommune=3005&oppgave=legevakt&antall=2");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ antallTotalt: expect.any(Number), side: 1, antall: 2 });
    expect(body.ordninger.length).toBeLessThanOrEqual(2);
    const first = body.ordninger[0];
    for (const key of ["id", "navn", "sektor", "oppgaver", "juridiskForm", "vertskommune", "deltakere", "etableringsaar", "kilde"]) expect(first).toHaveProperty(key);
    expect(first.deltakere.some((d: { kommunenummer: string }) => d.kommunenummer === "3301")).toBe(true);
    expect(first.deltakere[0]).toEqual({ kommunenummer: expect.any(String), navn: expect.any(String), rolle: expect.stringMatching(/^(OWNER|MEMBER|BUYER)$/) });
  });

  it("filters by region, sector, form, level, search and date", async () => {
    const body = await (await get("/api/v1/ordninger?region=hallingdal&sektor=HEALTH&nivaa=regionalt&antall=100")).json();
    expect(body.antallTotalt).toBeGreaterThan(0);
    expect(body.ordninger.every((o: { sektor: { kode: string }; nivaa: string }) => o.sektor.kode === "HEALTH" && o.nivaa === "regionalt")).toBe(true);
    const iks = await (await get("/api/v1/ordninger?form=iks&antall=100")).json();
    expect(iks.ordninger.every((o: { juridiskForm: { kode: string } }) => o.juridiskForm.kode === "IKS")).toBe(true);
    const dated = await (await get("/api/v1/ordninger?dato=2021-11-01&sok=uvdal")).json();
    expect(dated.dato).toBe("2021-11-01");
    expect(dated.antallTotalt).toBeGreaterThan(0);
  });

  it.each([
    ["antall=101", "antall"],
    ["side=0", "side"],
    ["side=abc", "side"],
    ["dato=2021-02-30", "dato"],
    ["nivaa=nasjonalt", "nivaa"],
    ["kommune=drop%20table", "kommune"],
    ["kryss=kanskje", "kryss"],
    ["sorter=pris", "sorter"],
    ["kommune=9999", "kommune"],
    ["oppgave=finnes-ikke", "oppgave"],
  ])("answers 400 with a Norwegian message for %s", async (query, field) => {
    const response = await get(`/api/v1/ordninger?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.feil).toEqual(expect.any(String));
    expect(body.detaljer.some((d: { felt: string }) => d.felt.startsWith(field))).toBe(true);
  });
});

describe("GET /api/v1/ordninger/{id}", () => {
  it("returns one arrangement, 404 for unknown, 308 for numeric ids", async () => {
    const response = await get("/api/v1/ordninger/ika-kongsberg");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.id).toBe("ika-kongsberg");
    expect(body.deltakerhistorikk).toHaveLength(37);
    expect(body.kilder.length).toBeGreaterThan(0);
    expect((await get("/api/v1/ordninger/finnes-ikke")).status).toBe(404);
    const { prisma } = await import("@/lib/db");
    const { id } = await prisma.arrangement.findUniqueOrThrow({ where: { slug: "ika-kongsberg" } });
    const redirect = await get(`/api/v1/ordninger/${id}`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toMatch(/\/api\/v1\/ordninger\/ika-kongsberg$/);
  });
});

describe("GET /api/v1/kommuner", () => {
  it("lists the 25 surveyed municipalities first with current and 2021 codes", async () => {
    const body = await (await get("/api/v1/kommuner")).json();
    const surveyed = body.kommuner.filter((k: { kartlagt2021: boolean }) => k.kartlagt2021);
    expect(surveyed).toHaveLength(25);
    expect(body.kommuner.slice(0, 25).every((k: { kartlagt2021: boolean }) => k.kartlagt2021)).toBe(true);
    expect(body.kommuner.find((k: { navn: string }) => k.navn === "Drammen")).toMatchObject({ kommunenummer: "3301", kommunenummer2021: "3005", antallOrdninger: 31 });
  });

  it("returns one municipality and redirects old codes", async () => {
    const body = await (await get("/api/v1/kommuner/3328")).json();
    expect(body.navn).toBe("Ål");
    expect(body.nokkeltall[0]).toMatchObject({ rapport2021: 48, registeret20211101: 44 });
    expect(body.nokkeltall[0].forklaring).toContain("44");
    const old = await get("/api/v1/kommuner/3005");
    expect(old.status).toBe(308);
    expect(old.headers.get("location")).toMatch(/\/api\/v1\/kommuner\/3301$/);
    expect((await get("/api/v1/kommuner/0000")).status).toBe(404);
    // A malformed escape is a plain miss, not a 500.
    expect((await get("/api/v1/kommuner/%E0%A4%A")).status).toBe(404);
  });

  it("builds redirects from the configured public address, never from the request", async () => {
    process.env.APP_URL = "https://samarbeid.example.no";
    try {
      const old = await get("/api/v1/kommuner/3005");
      expect(old.status).toBe(308);
      expect(old.headers.get("location")).toBe("https://samarbeid.example.no/api/v1/kommuner/3301");
    } finally {
      delete process.env.APP_URL;
    }
  });
});
