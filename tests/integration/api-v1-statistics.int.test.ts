import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";

/** The open statistics API and the table downloads, called through their route handlers. */
let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

const get = async (path: string) => {
  const url = `http://localhost${path}`;
  const route = path.startsWith("/api/v1/statistikk/kommuner")
    ? await import("@/app/api/v1/statistikk/kommuner/route")
    : path.startsWith("/api/v1/statistikk/oppgaver")
      ? await import("@/app/api/v1/statistikk/oppgaver/route")
      : await import("@/app/api/v1/statistikk/route");
  return route.GET(new Request(url));
};

describe("GET /api/v1/statistikk", () => {
  it("returns the headline statistics as of a date", async () => {
    const response = await get("/api/v1/statistikk?dato=2021-11-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    const body = await response.json();
    expect(body).toMatchObject({
      dato: "2021-11-01",
      region: null,
      antallOrdninger: 221,
      antallKommuner: 25,
      snittPerKommune: 33.88,
      nivaa: { lokalt: 104, regionalt: 88, hoyere: 29 },
      rapport2021: { antallOrdninger: 221, snittPerKommune: 34, fylkesgrenser: 72 },
    });
    expect(body.snittEtterStorrelse.map((c: { klasse: string; antallKommuner: number }) => [c.klasse, c.antallKommuner])).toEqual([
      ["under-5000", 12],
      ["5000-15000", 7],
      ["over-15000", 6],
    ]);
    expect(body.sektorer).toContainEqual({ kode: "HEALTH", navn: "Helsetjenester", antall: 47 });
    expect(body.etablering.map((p: { periode: string }) => p.periode)).toEqual(["2015-", "2000-2014", "for-2000", "uspesifisert", "periode-uten-aar", "ikke-registrert"]);
    expect(body.fylkesgrenser.totalt).toBe(body.fylkesgrenser.grupper.reduce((s: number, g: { antall: number }) => s + g.antall, 0));
    expect(body.juridiskeFormer.reduce((s: number, g: { antall: number }) => s + g.antall, 0)).toBe(221);
  });

  it("limits to a region", async () => {
    const body = await (await get("/api/v1/statistikk?dato=2021-11-01&region=hallingdal")).json();
    expect(body).toMatchObject({ region: "hallingdal", antallKommuner: 6 });
    expect(body.antallOrdninger).toBeLessThan(221);
  });

  it("defaults to today", async () => {
    const body = await (await get("/api/v1/statistikk")).json();
    expect(body.dato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ["dato=2021-13-01", "Datoen finnes ikke"],
    ["dato=1.11.2021", "ÅÅÅÅ-MM-DD"],
    ["dato=2021-02-29", "Datoen finnes ikke"],
    ["dato=3021-01-01", "mellom 1900 og 2100"],
    ["region=atlantis", "Ukjent region"],
    ["dato=2021-11-01&dato=2021-12-01", "én gang"],
  ])("answers 400 with a Norwegian message for %s", async (query, message) => {
    for (const path of ["/api/v1/statistikk", "/api/v1/statistikk/kommuner", "/api/v1/statistikk/oppgaver"]) {
      const response = await get(`${path}?${query}`);
      expect(response.status, path).toBe(400);
      const body = await response.json();
      expect(body.feil).toContain(message);
      expect(body.detaljer[0].felt).toBe(query.split("=")[0]);
    }
  });
});

describe("GET /api/v1/statistikk/kommuner", () => {
  it("returns every surveyed municipality with codes, counts and the printed figures", async () => {
    const response = await get("/api/v1/statistikk/kommuner?dato=2021-11-01");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.dato).toBe("2021-11-01");
    expect(body.kommuner).toHaveLength(25);
    const al = body.kommuner.find((k: { navn: string }) => k.navn === "Ål");
    expect(al).toMatchObject({ kommunenummer: "3043", kommunenummer2021: "3043", innbyggere: 4648, antallOrdninger: 44, rapport2021: { antallOrdninger: 48, vertskommuneFor: 23 } });
    expect(al.vertskommuneFor + al.medBistandFraAndre + al.utenRegistrertVertskommune).toBe(al.antallOrdninger);
    const later = await (await get("/api/v1/statistikk/kommuner?dato=2024-06-01")).json();
    expect(later.kommuner.find((k: { navn: string }) => k.navn === "Ål")).toMatchObject({ kommunenummer: "3328", kommunenummer2021: "3043" });
  });
});

describe("GET /api/v1/statistikk/oppgaver", () => {
  it("returns the 45 task areas with the report and Trøndelag 2020", async () => {
    const body = await (await get("/api/v1/statistikk/oppgaver?dato=2021-11-01")).json();
    expect(body.oppgaver).toHaveLength(45);
    expect(body.oppgaver[0]).toEqual({
      kode: "brann-110-sentral",
      navn: "Brann 110-sentral",
      antallKommuner: 25,
      prosent: 100,
      antallOrdninger: expect.any(Number),
      rapport2021: { antallKommuner: 25, prosent: 100 },
      trondelag2020Prosent: 100,
    });
  });
});

describe("GET /statistikk/<side>/eksport", () => {
  const download = async (path: string) => {
    const { GET } = await import("@/app/statistikk/[side]/eksport/route");
    const url = new URL(`http://localhost${path}`);
    const side = url.pathname.split("/")[2]!;
    return GET(new Request(url), { params: Promise.resolve({ side }) });
  };

  it("sends a table as CSV for Norwegian Excel", async () => {
    const response = await download("/statistikk/kommuner/eksport?tabell=snitt-storrelse&format=csv&dato=2021-11-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("snitt-storrelse-2021-11-01.csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe("Innbyggere;Kommuner;Snitt (registeret 01.11.2021);Rapport 2021");
    expect(lines[1]).toBe("Under 5 000;12;37,9;38,2");
    expect(lines[4]).toBe("Alle;25;33,9;34,0");
  });

  it("sends every table of every page as XLSX", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { STAT_PAGES, loadStatPage } = await import("@/lib/stats/pages");
    for (const p of [...STAT_PAGES.map((s) => s.slug), "oversikt"]) {
      const page = (await loadStatPage(p, { asOf: "2021-11-01", scope: { kind: "surveyed" } }))!;
      for (const section of page.sections) {
        const response = await download(`/statistikk/${p}/eksport?tabell=${section.table.id}&format=xlsx&dato=2021-11-01`);
        expect(response.status, `${p}/${section.table.id}`).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(3);
      }
    }
  });

  it("rejects unknown tables and bad filters", async () => {
    expect((await download("/statistikk/kommuner/eksport?tabell=finnes-ikke&format=csv")).status).toBe(404);
    expect((await download("/statistikk/kommuner/eksport?tabell=kommuner&format=pdf")).status).toBe(400);
    expect((await download("/statistikk/kommuner/eksport?tabell=kommuner&format=csv&dato=i-går")).status).toBe(400);
  });
});
