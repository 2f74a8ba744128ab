import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/**
 * /kart (issue #13 item 2, issue #15): the default view, choosing a municipality (ego network), the
 * cooperation matrix, the small maps per task area, keyboard use of the drawing (one tab stop,
 * arrows move, Enter chooses), axe and no sideways scroll at both viewports. Read-only.
 */
const drawing = (page: Page) => page.getByRole("group", { name: /Kommunene og samarbeidet mellom dem|og samarbeidspartnerne$/ });
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedInDrawing = (page: Page) => page.evaluate(() => (document.activeElement?.closest("svg.kart-svg") ? document.activeElement.getAttribute("aria-label") : null));

test.describe("kartet", () => {
  test("standardvisning: de 25 kommunene, et lesbart antall forbindelser, matrise og små kart", async ({ page }) => {
    await page.goto("/kart");
    await expect(page.getByRole("heading", { level: 1, name: "Kart over samarbeidet" })).toBeVisible();
    await expect(page.getByTestId("kart-status")).toContainText("Kommunene i kartleggingen: 25 kommuner");
    await expect(page.getByTestId("kart-skjematisk")).toContainText("skjematisk");
    await expect(page.getByTestId("kart-skjematisk")).toContainText("kommunegrenser.geojson");
    await expect(drawing(page).getByRole("link")).toHaveCount(25);
    expect(await page.locator("svg.kart-svg line").count()).toBeLessThanOrEqual(60);

    const matrix = page.getByRole("table", { name: /Antall felles ordninger for hvert kommunepar/ });
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole("columnheader")).toHaveCount(25);
    await expect(matrix.locator("tbody tr")).toHaveCount(25);
    // Heat scale: colour plus the number.
    const darkest = matrix.locator("td.kart-h4").first();
    await expect(darkest).toHaveText(/^\d+$/);

    const multiples = page.getByRole("region", { name: "Hvem samarbeider om hva" });
    expect(await multiples.getByRole("img").count()).toBeGreaterThanOrEqual(15);
    await expect(multiples.getByRole("link", { name: "Legevakt i kartet" })).toHaveAttribute("href", "/kart?oppgave=legevakt");
  });

  test("tastatur: tegningen er ett tabulatorstopp, piltastene flytter og Enter velger", async ({ page }) => {
    await page.goto("/kart");
    expect(await page.locator('svg.kart-svg [tabindex="0"]').count()).toBe(1);
    await page.getByRole("button", { name: "Vis kartet" }).focus();
    await page.keyboard.press("Tab");
    expect(await focusedInDrawing(page)).toMatch(/^Drammen: \d+ ordninger$/);
    await page.keyboard.press("ArrowRight");
    expect(await focusedInDrawing(page)).toMatch(/^Flesberg: \d+ ordninger$/);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("End");
    expect(await focusedInDrawing(page)).toMatch(/^Ål: \d+ ordninger$/);
    expect(await page.locator('svg.kart-svg [tabindex="0"]').count()).toBe(1);
    // One more Tab leaves the drawing; Shift+Tab comes back to the same municipality.
    await page.keyboard.press("Tab");
    expect(await focusedInDrawing(page)).toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await focusedInDrawing(page)).toMatch(/^Ål: /);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/kart\?kommune=al$/);
    await expect(page.getByRole("heading", { level: 2, name: "Ål og samarbeidspartnerne" })).toBeVisible();
    // The keyboard stays in the drawing, on Ål; the arrows go on to its partners, most shared first.
    await expect.poll(() => focusedInDrawing(page)).toMatch(/^Ål: \d+ ordninger$/);
    await page.keyboard.press("ArrowRight");
    expect(await focusedInDrawing(page)).toMatch(/^Hol: \d+ felles ordninger med Ål$/);
    expect(await page.locator('svg.kart-svg [tabindex="0"]').count()).toBe(1);
  });

  test("å velge Ål viser bare Åls samarbeidspartnere, med ordningene per forbindelse", async ({ page }) => {
    await page.goto("/kart?kommune=al");
    const heading = page.getByRole("heading", { level: 2, name: /^Ål samarbeider med \d+ kommuner i \d+ ordninger$/ });
    await expect(heading).toBeVisible();
    const partners = Number((await heading.textContent())!.match(/med (\d+) kommuner/)![1]);
    expect(partners).toBeGreaterThan(5);
    const nodes = drawing(page).getByRole("link");
    await expect(nodes).toHaveCount(partners + 1);
    const labels = await nodes.evaluateAll((links) => links.map((a) => a.getAttribute("aria-label") ?? ""));
    expect(labels[0]).toMatch(/^Ål: \d+ ordninger$/);
    for (const label of labels.slice(1)) expect(label).toMatch(/: \d+ felles ordninger med Ål$/);
    expect(await page.locator("svg.kart-svg line").count()).toBe(partners);

    const table = page.getByRole("table", { name: "Samarbeidspartnerne til Ål og ordningene de deler" });
    await expect(table.locator("tbody tr")).toHaveCount(partners);
    const hol = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "Hol", exact: true }) });
    await hol.getByText(/^Vis \d+ ordninger$/).click();
    await expect(hol.getByRole("link", { name: "Øvre Hallingdal legevakt" })).toHaveAttribute("href", "/ordninger/ovre-hallingdal-legevakt");
    await page.getByRole("link", { name: "Tilbake til alle kommunene" }).click();
    await expect(page).toHaveURL(/\/kart$/);
    await expect(drawing(page).getByRole("link")).toHaveCount(25);
  });

  test("en region og et oppgaveområde; ugyldige valg gir en norsk melding", async ({ page }) => {
    await page.goto("/kart?region=hallingdal&oppgave=legevakt");
    await expect(page.getByTestId("kart-status")).toContainText("Hallingdal – Legevakt: 6 kommuner");
    await expect(page.getByRole("table", { name: /Antall felles ordninger/ }).locator("tbody tr")).toHaveCount(6);
    await page.goto("/kart?minst=0");
    await expect(page.getByRole("alert").filter({ hasText: "Kartet er tomt" })).toContainText("«Minst felles ordninger» må være minst 1");
    await page.goto("/kart?region=finnes-ikke");
    await expect(page.getByRole("alert").filter({ hasText: "Kartet er tomt" })).toContainText("Fant ingen region «finnes-ikke»");
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ]) {
    // Plain /kart is checked at both sizes by e2e/public-pages.spec.ts (every public page).
    for (const path of ["/kart?kommune=al", "/kart?region=hallingdal&kommune=hol"]) {
      test(`${path} ved ${viewport.width} × ${viewport.height}: ingen sidescroll og ingen axe-brudd`, async ({ page }) => {
        // axe on a page of ~2 000 elements takes a while on a busy machine.
        test.setTimeout(120_000);
        await page.setViewportSize(viewport);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: "Kart over samarbeidet" })).toBeVisible();
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page);
      });
    }
  }
});
