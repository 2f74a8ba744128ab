import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("kart og søk", () => {
  test("kartet kan brukes med tastatur og har en listeversjon", async ({ page }) => {
    await page.goto("/kart?oppgave=legevakt");
    await expect(page.getByRole("heading", { level: 1, name: "Kart over samarbeidet" })).toBeVisible();
    await expect(page.getByTestId("kart-status")).toContainText("ordninger");
    const drammen = page.getByRole("button", { name: /^Drammen: \d+ ordninger$/ });
    await drammen.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /^Drammen: \d+ ordninger i utvalget$/ })).toBeVisible();
    await expect(drammen).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Tab");
    await page.keyboard.press(" ");
    await expect(page.getByRole("heading", { name: /ordninger i utvalget$/ })).not.toHaveText(/^Drammen/);

    // List alternative: a connection lists the shared arrangements
    await page
      .getByRole("button", { name: /^Vis ordninger for .+ og / })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: /felles ordninger$/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("kartet filtreres på én ordning", async ({ page }) => {
    await page.goto("/kart?ordning=ika-kongsberg");
    await expect(page.getByTestId("kart-status")).toContainText("1 ordninger, 37 kommuner");
    await page.goto("/kart?minst=0");
    await expect(page.getByRole("alert").filter({ hasText: "minst" })).toBeVisible();
  });

  test("globalt søk i toppen finner kommuner og ordninger", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Søk etter ordning, kommune eller region" });
    await search.fill("uvdal");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/sok\?q=uvdal/);
    await expect(page.getByRole("link", { name: "Nore og Uvdal" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
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
