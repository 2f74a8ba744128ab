import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/**
 * Issue 13, «Done when»: every public page at 390 × 844 (phone) and 1366 × 900 (laptop) has no
 * horizontal page scroll (wide tables scroll inside their own box) and no axe violations.
 * The phone-only controls (the header's «Meny», «Filtrer (n)» on /ordninger) are checked too.
 */

const STATISTICS = ["kommuner", "etablering", "nivaa", "fylkesgrenser", "oppgaver", "vertskommuner", "tilknytningsformer", "sektorer", "bemanning", "tjenestestruktur"];

export const PUBLIC_PAGES = [
  "/",
  "/ordninger",
  "/ordninger?region=hallingdal&nivaa=lokalt",
  "/ordninger/ikt-hallingdal",
  "/ordninger/ikt-hallingdal/historikk",
  "/kommuner",
  "/kommuner/3328",
  "/kommuner/3328/oversikt",
  "/regioner",
  "/regioner/hallingdal",
  "/statistikk",
  "/statistikk?region=hallingdal",
  ...STATISTICS.map((slug) => `/statistikk/${slug}`),
  "/statistikk/sammenligning",
  "/kart",
  "/sok?q=%C3%85l",
  "/apne-data",
  "/om-dataene",
  "/kontakt",
  "/personvern",
  "/tilgjengelighet",
  "/logg-inn",
  "/glemt-passord",
  "/finnes-ikke-her",
];

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    // The outermost elements that stick out on the right, outside any box that scrolls by itself.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

for (const viewport of VIEWPORTS) {
  test.describe(`offentlige sider ved ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });
    for (const path of PUBLIC_PAGES) {
      test(`${path}: ingen sidelengs rulling og axe 0`, async ({ page }) => {
        test.setTimeout(60_000);
        await page.goto(path);
        await expect(page.locator("h1").first()).toBeVisible();
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth, `${path} er ${overflow.scrollWidth} px bred: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
        await expectNoAxeViolations(page);
      });
    }
  });
}

test.describe("telefon", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("toppmenyen ligger bak en Meny-knapp med aria-expanded, og Escape lukker den", async ({ page }) => {
    await page.goto("/");
    const button = page.getByRole("button", { name: "Meny" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    const nav = page.getByRole("navigation", { name: "Hovedmeny" });
    await expect(nav).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Ordninger" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
    await button.click();
    await nav.getByRole("link", { name: "Statistikk" }).click();
    await expect(page).toHaveURL(/\/statistikk$/);
    await expect(nav).toBeHidden();
  });

  test("på /ordninger kommer resultatene først, og filtrene ligger bak «Filtrer (n)»", async ({ page }) => {
    await page.goto("/ordninger?region=hallingdal&nivaa=lokalt");
    const toggle = page.getByRole("button", { name: "Filtrer (2)" });
    await expect(toggle).toBeVisible();
    await expect(page.getByRole("heading", { name: "Filtrer", level: 2 })).toBeHidden();
    // The results (their count) are on the first screen, above the folded filters.
    await expect(page.getByTestId("treff")).toBeInViewport();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("button", { name: "Bruk filter" })).toBeVisible();
  });

  test("på /ordninger er første rad i tabellen på første skjermbilde; tabellvalgene ligger bak «Tabellvalg»", async ({ page }) => {
    await page.goto("/ordninger");
    const top = await page
      .locator(".registry-table tbody tr")
      .first()
      .evaluate((row) => row.getBoundingClientRect().top);
    expect(top).toBeLessThan(844 - 40);
    await expect(page.getByText("Rader per side")).toBeHidden();
    await page.getByRole("button", { name: "Tabellvalg" }).click();
    await expect(page.getByLabel("Rader per side")).toBeVisible();
  });
});

test.describe("uten JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("Meny-knappen åpner menyen som en lenke til #sidemeny", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Meny" }).click();
    await expect(page).toHaveURL(/#sidemeny$/);
    await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Ordninger" })).toBeVisible();
  });

  for (const path of ["/kommuner/9999", "/ordninger/finnes-ikke", "/statistikk/x"]) {
    test(`${path} viser den norske 404-siden med lang="nb"`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", "nb");
      await expect(page.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
      await expect(page).toHaveTitle(/Fant ikke siden/);
    });
  }
});
