import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// /kommuner, /kommuner/3328, /regioner and /regioner/hallingdal get axe at both sizes in e2e/public-pages.spec.ts.
test.describe("kommuner og regioner", () => {
  test("kommunelisten viser de 25 kartlagte først med tall og nummer", async ({ page }) => {
    await page.goto("/kommuner");
    await expect(page.getByRole("heading", { level: 1, name: "Kommuner" })).toBeVisible();
    const surveyed = page.getByRole("table", { name: "Kartlagte kommuner" });
    await expect(surveyed.locator("tbody tr")).toHaveCount(25);
    const drammen = surveyed.getByRole("row", { name: /^Drammen / });
    await expect(drammen).toContainText("3301");
    await expect(drammen).toContainText("3005");
  });

  test("gammelt kommunenummer fører til kommunen, med avvik og kartleggingsfil", async ({ page }) => {
    await page.goto("/kommuner/3005");
    await expect(page).toHaveURL(/\/kommuner\/3301$/);
    await expect(page.getByRole("heading", { level: 1, name: "Drammen" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Lokalt samarbeid/ })).toBeVisible();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Last ned kartleggingsfilen/ }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet("Kartlegging")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Navn på ordning",
      "Deltakerkommuner",
      "Innhold",
      "Etableringsår",
      "Juridisk tilknytningsform",
      "Vertskommune",
      "Årsverk",
      "Annen informasjon",
      // Appended for the import (docs/decisions/0047); the 2021 survey's eight columns stay first.
      "Sluttdato",
      "Grunn til avslutning",
      "ID",
    ]);
    expect(sheet.rowCount).toBe(32);

    await page.goto("/kommuner/3328");
    await expect(page.getByRole("heading", { level: 1, name: "Ål" })).toBeVisible();
    await expect(page.getByTestId("avvik").first()).toContainText("Rapport 2021: 48 — registeret nå: 44");
    await expect(page.getByTestId("avvik").first()).toContainText("Medlemslistene gir Ål 44");
  });

  test("regionsiden for Hallingdal", async ({ page }) => {
    await page.goto("/regioner/hallingdal");
    await expect(page.getByRole("heading", { level: 1, name: "Hallingdal" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Kommunene i Hallingdal" }).locator("tbody tr")).toHaveCount(6);
    await page.getByRole("link", { name: "Se ordningene i tabellen" }).click();
    await expect(page).toHaveURL(/\/ordninger\?region=hallingdal/);
    await expect(page.getByRole("link", { name: "Fjern filter Region: Hallingdal" })).toBeVisible();
    await page.goto("/regioner");
    await expect(page.getByRole("link", { name: "Hallingdal" })).toBeVisible();
  });
});
