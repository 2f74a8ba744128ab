import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";

/** /apne-data: the files parse back with as many rows as the API has, and the DCAT metadata is complete. */

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let apiTotal: number;
beforeAll(async () => {
  db = await useSeededRegistry();
  const { GET } = await import("@/app/api/v1/ordninger/route");
  apiTotal = (await (await GET(new Request("http://localhost/api/v1/ordninger?status=alle&antall=1"))).json()).antallTotalt;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

const request = (path: string) => new Request(`http://localhost${path}`);

describe("/apne-data files", () => {
  it("has arrangements, active and ended", async () => {
    const { prisma } = await import("@/lib/db");
    expect(apiTotal).toBe(await prisma.arrangement.count());
    expect(apiTotal).toBeGreaterThan(100);
  });

  it("CSV parses back with one row per arrangement", async () => {
    const { GET } = await import("@/app/apne-data/samarbeidsordninger.csv/route");
    const response = await GET(request("/apne-data/samarbeidsordninger.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("ETag")).toBeTruthy();
    const parsed = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, delimiter: ";", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(apiTotal);
    expect(Object.keys(parsed.data[0]!)).toEqual(expect.arrayContaining(["ID", "Navn", "Deltakerkommuner", "Sluttdato", "Aktiv"]));
    expect(new Set(parsed.data.map((r) => r.ID)).size).toBe(apiTotal);
  });

  it("XLSX has one row per arrangement and end dates as date cells", async () => {
    const { prisma } = await import("@/lib/db");
    const ended = await prisma.arrangement.findFirstOrThrow({ where: { endDate: null }, orderBy: { id: "asc" } });
    await prisma.arrangement.update({ where: { id: ended.id }, data: { endDate: new Date("2024-06-30T00:00:00Z") } });
    const { GET } = await import("@/app/apne-data/samarbeidsordninger.xlsx/route");
    const response = await GET(request("/apne-data/samarbeidsordninger.xlsx"));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headerRow = 3;
    const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1);
    expect(headers[0]).toBe("ID");
    expect(sheet.rowCount - headerRow).toBe(apiTotal);
    const endColumn = headers.indexOf("Sluttdato") + 1;
    const ends = [];
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const value = sheet.getRow(r).getCell(endColumn).value;
      if (value !== null && value !== "") ends.push(value);
    }
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((v) => v instanceof Date)).toBe(true);
    expect(ends).toContainEqual(new Date("2024-06-30T00:00:00Z"));
  });

  it("JSON has every arrangement and follows its JSON Schema's required fields", async () => {
    const { GET } = await import("@/app/apne-data/samarbeidsordninger.json/route");
    const body = await (await GET(request("/apne-data/samarbeidsordninger.json"))).json();
    expect(body.antallTotalt).toBe(apiTotal);
    expect(body.ordninger).toHaveLength(apiTotal);
    expect(body.lisens).toEqual({ name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "https://data.norge.no/nlod/no/2.0" });
    const schemaRoute = await import("@/app/apne-data/samarbeidsordninger.schema.json/route");
    const schema = await (await schemaRoute.GET(request("/apne-data/samarbeidsordninger.schema.json"))).json();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    for (const key of schema.required) expect(body).toHaveProperty(key);
    for (const item of body.ordninger) for (const key of schema.$defs.ordning.required) expect(item).toHaveProperty(key);
    expect(Object.keys(body.ordninger[0]).sort()).toEqual(Object.keys(schema.$defs.ordning.properties).sort());
  });

  it("DCAT-AP-NO catalog names the dataset, its three distributions, the publisher and the licence", async () => {
    const { GET } = await import("@/app/apne-data/katalog.jsonld/route");
    const response = await GET(request("/apne-data/katalog.jsonld"));
    expect(response.headers.get("Content-Type")).toMatch(/^application\/ld\+json/);
    const catalog = await response.json();
    expect(catalog["@type"]).toBe("dcat:Catalog");
    const dataset = catalog["dcat:dataset"][0];
    expect(dataset["@type"]).toBe("dcat:Dataset");
    expect(dataset["dct:title"]).toEqual({ "@language": "nb", "@value": "Interkommunale samarbeidsordninger" });
    expect(dataset["dct:publisher"]["foaf:name"]["@value"]).toBe("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
    expect(dataset["dct:license"]).toEqual({ "@id": "https://data.norge.no/nlod/no/2.0" });
    expect(dataset["dct:modified"]["@value"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const distributions = dataset["dcat:distribution"];
    expect(distributions.map((d: { "@type": string }) => d["@type"])).toEqual(["dcat:Distribution", "dcat:Distribution", "dcat:Distribution"]);
    expect(distributions.map((d: { "dcat:downloadURL": { "@id": string } }) => new URL(d["dcat:downloadURL"]["@id"]).pathname)).toEqual([
      "/apne-data/samarbeidsordninger.csv",
      "/apne-data/samarbeidsordninger.xlsx",
      "/apne-data/samarbeidsordninger.json",
    ]);
  });
});
