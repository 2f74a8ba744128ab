import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { STAT_PAGES } from "@/lib/stats/pages";
import { useSeededRegistry } from "@/tests/helpers/database";
import { isMissingPublicPage } from "./missing-page";
import { PUBLIC_PAGES, sitemapEntries } from "./sitemap";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let arrangement: { id: number; slug: string };
let region: { slug: string };

beforeAll(async () => {
  db = await useSeededRegistry();
  arrangement = await prisma.arrangement.findFirstOrThrow({ select: { id: true, slug: true }, orderBy: { id: "asc" } });
  region = await prisma.region.findFirstOrThrow({ select: { slug: true } });
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("isMissingPublicPage", () => {
  it("finds missing arrangements, municipalities, regions and statistics pages", async () => {
    for (const path of [
      "/kommuner/9999",
      "/kommuner/finnes-ikke",
      "/ordninger/finnes-ikke",
      "/ordninger/999999999",
      "/ordninger/finnes-ikke/historikk",
      "/regioner/x",
      "/statistikk/x",
      "/ordninger/%C3%A6%C3%B8%C3%A5",
    ]) {
      expect(await isMissingPublicPage(path), path).toBe(true);
    }
  });

  it("lets existing pages, redirects, static routes and other addresses through", async () => {
    expect(STAT_PAGES.length).toBeGreaterThan(0);
    const existing = [
      `/ordninger/${arrangement.slug}`,
      `/ordninger/${arrangement.slug}/historikk`,
      `/ordninger/${arrangement.id}`,
      "/kommuner/3201",
      "/kommuner/3024",
      "/kommuner/al",
      `/regioner/${region.slug}`,
      `/statistikk/${STAT_PAGES[0]?.slug ?? ""}`,
      "/ordninger/eksport",
      "/ordninger/ny",
      `/ordninger/${arrangement.slug}/rediger`,
      "/ordninger",
      "/kommuner",
      "/",
      "/finnes-ikke-her",
      "/kommuner/%E0%A4%A",
    ];
    for (const path of existing) expect(await isMissingPublicPage(path), path).toBe(false);
  });
});

describe("sitemapEntries", () => {
  it("lists the public pages and every arrangement, municipality and region with absolute URLs", async () => {
    const entries = await sitemapEntries({ APP_URL: "https://samarbeid.example.no/" });
    const urls = entries.map((e) => e.url);
    expect(urls.every((u) => u.startsWith("https://samarbeid.example.no/"))).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
    for (const path of PUBLIC_PAGES) expect(urls).toContain(`https://samarbeid.example.no${path === "/" ? "/" : path}`);
    expect(urls).toContain(`https://samarbeid.example.no/ordninger/${arrangement.slug}`);
    expect(urls).toContain("https://samarbeid.example.no/kommuner/3201");
    expect(urls).toContain(`https://samarbeid.example.no/regioner/${region.slug}`);
    const [arrangements, municipalities, regions] = await Promise.all([prisma.arrangement.count(), prisma.municipality.count(), prisma.region.count()]);
    expect(urls.filter((u) => u.includes("/ordninger/")).length).toBe(arrangements);
    expect(urls.filter((u) => u.includes("/kommuner/")).length).toBe(municipalities);
    expect(urls.filter((u) => u.includes("/regioner/")).length).toBe(regions);
    expect(entries.find((e) => e.url.endsWith(`/ordninger/${arrangement.slug}`))?.lastModified).toBeInstanceOf(Date);
  });
});
