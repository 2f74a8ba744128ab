import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("søk", () => {
  test("globalt søk i toppen finner kommuner og ordninger", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Søk etter ordning, kommune eller region" });
    await search.fill("uvdal");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/sok\?q=uvdal/);
    await expect(page.getByRole("link", { name: "Nore og Uvdal" }).first()).toBeVisible();
    await page.goto("/sok?q=al");
    await expect(
      page
        .getByRole("region", { name: /Kommuner/ })
        .getByRole("link")
        .first(),
    ).toHaveText("Ål");
    // Short queries match whole words: no Alvdal, Sigdal or Hemsedal.
    await expect(page.getByRole("region", { name: /Kommuner/ }).getByRole("link")).toHaveCount(1);
    await page.goto("/sok?q=lvs");
    await expect(page.getByRole("link", { name: /LVS/ }).first()).toBeVisible();
    await page.goto("/sok");
    await expectNoAxeViolations(page);
  });
});
