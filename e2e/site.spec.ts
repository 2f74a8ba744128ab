import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/**
 * The site around the registry (issue 13, «A proper site»): server-rendered Norwegian 404s,
 * metadata in <head>, robots.txt and sitemap.xml, the pages Kontakt, Personvern and
 * Tilgjengelighetserklæring, and printing.
 */

const MISSING = ["/kommuner/9999", "/ordninger/finnes-ikke", "/regioner/x", "/statistikk/x", "/finnes-ikke-her"];

test.describe("nettstedet", () => {
  for (const path of MISSING) {
    test(`${path} gir en servergjengitt norsk 404-side`, async ({ request }) => {
      // The raw HTML, as a client without JavaScript gets it.
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      const html = await response.text();
      expect(html).toMatch(/<html[^>]*\blang="nb"/);
      expect(html).not.toContain('id="__next_error__"');
      expect(html).toMatch(/<h1[^>]*>Fant ikke siden<\/h1>/);
      expect(html).toContain('<meta name="robots" content="noindex"/>');
    });
  }

  test("en ødelagt %-koding i adressen gir 404-siden eller norsk 400 i API-et, aldri 500", async ({ request }) => {
    for (const path of ["/kommuner/%E0%A4%A", "/ordninger/%E0%A4%A", "/kommuner/%E0%A4%A/kartleggingsfil"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toMatch(/Fant ikke siden/);
    }
    for (const path of ["/api/v1/kommuner/%E0%A4%A", "/api/v1/ordninger/%E0%A4%A"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect((await response.json()).feil).toMatch(/Ugyldig adresse/);
    }
  });

  test("en manglende ordning viser 404-siden i nettleseren og består axe", async ({ page }) => {
    const response = await page.goto("/ordninger/finnes-ikke");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
    await expect(page).toHaveTitle(/Fant ikke siden/);
    await expectNoAxeViolations(page);
  });

  test("tittel og beskrivelse står i <head> på en dynamisk side", async ({ request }) => {
    for (const path of ["/kommuner/3201", "/ordninger"]) {
      const html = await (await request.get(path)).text();
      const headEnd = html.indexOf("</head>");
      const title = html.indexOf("<title>");
      const description = html.indexOf('<meta name="description"');
      expect(title, path).toBeGreaterThan(-1);
      expect(title, path).toBeLessThan(headEnd);
      expect(description, path).toBeGreaterThan(-1);
      expect(description, path).toBeLessThan(headEnd);
    }
  });

  test("robots.txt og sitemap.xml svarer, og sitemap lister ordninger, kommuner og regioner", async ({ request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const robotsText = await robots.text();
    expect(robotsText).toMatch(/User-Agent: \*/i);
    expect(robotsText).toMatch(/Disallow: \/admin/);
    expect(robotsText).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);

    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()["content-type"]).toContain("xml");
    const xml = await sitemap.text();
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/ordninger\/ika-kongsberg<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/kommuner\/3201<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/regioner\/[a-z0-9-]+<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/tilgjengelighet<\/loc>/);
    expect((xml.match(/<url>/g) ?? []).length).toBeGreaterThan(221);
  });

  test("favikon og app-ikon finnes og er lenket fra sidene", async ({ page, request }) => {
    await page.goto("/");
    const icon = page.locator('link[rel="icon"][type="image/svg+xml"]');
    await expect(icon).toHaveCount(1);
    const apple = page.locator('link[rel="apple-touch-icon"]');
    await expect(apple).toHaveCount(1);
    for (const href of [await icon.getAttribute("href"), await apple.getAttribute("href"), "/favicon.ico"]) {
      const response = await request.get(href ?? "");
      expect(response.status(), href ?? "").toBe(200);
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ]) {
    test(`Kontakt, Personvern og Tilgjengelighetserklæring ved ${viewport.width} × ${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const { path, heading } of [
        { path: "/kontakt", heading: "Kontakt" },
        { path: "/personvern", heading: "Personvern" },
        { path: "/tilgjengelighet", heading: /^Tilgjengelighets\u00AD?erklæring$/ },
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole("main")).toContainText("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
        // Sideways scroll and axe on these pages at both sizes: e2e/public-pages.spec.ts.
      }
    });
  }

  test("tilgjengelighetserklæringen nevner standard, mangler og klageadgang", async ({ page }) => {
    await page.goto("/tilgjengelighet");
    const main = page.getByRole("main");
    await expect(main).toContainText("WCAG 2.1");
    await expect(main.getByRole("heading", { name: "Kjente mangler" })).toBeVisible();
    await expect(main).toContainText("Kartet er skjematisk");
    await expect(main.getByRole("link", { name: "uutilsynet.no" })).toHaveAttribute("href", "https://www.uutilsynet.no/");
  });

  test("personvernerklæringen sier hva som lagres og hvor lenge", async ({ page }) => {
    await page.goto("/personvern");
    const main = page.getByRole("main");
    await expect(main).toContainText("ingen opplysninger om innbyggere");
    await expect(main).toContainText("slettes etter 30 dager");
    await expect(main).toContainText("artikkel 6 nr. 1 bokstav e");
  });

  test("bunnteksten lenker til Kontakt, Personvern og Tilgjengelighetserklæring", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByTestId("kontaktlinje")).toContainText("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
    for (const [name, href] of [
      ["Kontakt", "/kontakt"],
      ["Personvern", "/personvern"],
      ["Tilgjengelighetserklæring", "/tilgjengelighet"],
    ] as const) {
      await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    }
  });

  test("utskrift av /ordninger viser resultattabellen, ikke filtrene", async ({ page }) => {
    await page.goto("/ordninger");
    await expect(page.locator(".registry-filters")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    // A4 portrait between 12 mm margins is about 700 CSS pixels wide.
    await page.setViewportSize({ width: 700, height: 1000 });
    await expect(page.locator(".registry-filters")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
    await expect(page.getByRole("search")).toBeHidden();
    const table = page.locator("table.registry-table");
    await expect(table).toBeVisible();
    // Every column is shown and nothing is clipped by a scroll box or the page.
    await expect(table.locator("thead th")).toHaveCount(9);
    const widths = await table.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement?.clientWidth ?? 0, page: document.documentElement.scrollWidth }));
    expect(widths.table).toBeLessThanOrEqual(widths.box);
    expect(widths.page).toBeLessThanOrEqual(700);
  });
});
