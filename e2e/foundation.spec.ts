import { expect, test } from "@playwright/test";

test.describe("grunnmuren", () => {
  test("forsiden viser levende tall fra databasen", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Samarbeidsregisteret/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("antall-ordninger")).toHaveText("221");
    await expect(page.getByTestId("antall-kartlagte-kommuner")).toHaveText("25");
    const navigation = page.getByRole("navigation", { name: "Hovedmeny" });
    for (const label of ["Ordninger", "Kommuner", "Statistikk", "Kart", "Logg inn"]) {
      await expect(navigation.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(page.getByRole("contentinfo")).toContainText("NIVI Analyse");
    // axe on "/" at both sizes: e2e/public-pages.spec.ts.
  });

  test("helsesjekken svarer 200 med databasestatus", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" }, migrations: { status: "ok" } });
  });

  test("ukjente adresser gir en norsk 404-side", async ({ page }) => {
    const response = await page.goto("/finnes-ikke-her");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  });

  test("sikkerhetshoder settes på alle svar", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });
});

test("om dataene viser avvikene mellom rapporten og registeret", async ({ page }) => {
  await page.goto("/om-dataene");
  await expect(page.getByRole("heading", { level: 1, name: "Om dataene" })).toBeVisible();
  const errors = page.getByRole("table", { name: "Trykte tall som motsier rapportens egne lister" });
  await expect(errors.getByRole("row").filter({ hasText: "Ål" }).first()).toBeVisible();
  await expect(errors).toContainText("48");
  await expect(errors).toContainText("44");
});
