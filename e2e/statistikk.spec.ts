import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

const PAGES = [
  ["kommuner", "Ordninger per kommune"],
  ["etablering", "Etableringstidspunkt"],
  ["nivaa", "Geografisk nivå"],
  ["fylkesgrenser", "Samarbeid over fylkesgrensene"],
  ["oppgaver", "Deltakelse etter oppgaveområde"],
  ["vertskommuner", "Vertskommuneansvar"],
  ["tilknytningsformer", "Juridisk tilknytningsform"],
  ["sektorer", "Sektorer"],
  ["bemanning", "Bemanning og fagmiljø"],
  ["tjenestestruktur", "Tjenestestruktur"],
] as const;

test.describe("statistikk", () => {
  test("oversikten viser levende hovedtall ved siden av rapporten", async ({ page }) => {
    await page.goto("/statistikk?dato=2021-11-01");
    await expect(page.getByRole("heading", { level: 1, name: "Statistikk" })).toBeVisible();
    await expect(page.getByTestId("antall-ordninger")).toHaveText("221");
    await expect(page.getByTestId("antall-kommuner")).toHaveText("25");
    await expect(page.getByTestId("snitt-per-kommune")).toHaveText("33,9");
    await expect(page.getByText("Rapport 2021: 34,0", { exact: true })).toBeVisible();
    const table = page.getByTestId("tabell-nokkeltall");
    await expect(table.getByRole("row", { name: /Lokale ordninger/ })).toContainText("104");
  });

  test("undernavigasjonen står øverst på alle statistikksidene, datoer står som 01.11.2021 og kolonnen heter «Registeret nå»", async ({ page }) => {
    for (const path of ["/statistikk", "/statistikk/sektorer", "/statistikk/sammenligning"]) {
      await page.goto(path);
      const nav = page.getByRole("navigation", { name: "Statistikksider" });
      const [navTop, headingTop] = await Promise.all([nav.boundingBox(), page.locator("h1").boundingBox()]);
      expect(navTop!.y, path).toBeLessThan(headingTop!.y);
      await expect(nav.getByRole("link")).toHaveCount(12);
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    }
    await page.goto("/statistikk?dato=2021-11-01");
    await expect(page.getByRole("heading", { name: /^Hovedtall per 01\.11\.2021 for/ })).toBeVisible();
    await page.goto("/statistikk/nivaa");
    await expect(page.getByTestId("utvalg")).toHaveText(/^Per \d{2}\.\d{2}\.\d{4} for .*Rapportens tall gjelder 01\.11\.2021\.$/);
    await expect(page.getByTestId("tabell-nivaa").getByRole("columnheader", { name: "Ordninger (registeret nå)" })).toBeVisible();
    await expect(page.getByText(/Levende|per \d{4}-\d{2}-\d{2}/)).toHaveCount(0);
  });

  test("datovelgeren beregner tallene per valgt dato og holder valget i adressen", async ({ page }) => {
    await page.goto("/statistikk?dato=2021-11-01");
    await page.getByLabel("Per dato").fill("2020-01-01");
    await page.getByRole("button", { name: "Vis statistikk" }).click();
    await expect(page).toHaveURL(/dato=2020-01-01/);
    // Ringeriksregionen IKPR was established in 2021.
    await expect(page.getByTestId("antall-ordninger")).toHaveText("220");
    await expect(page.getByLabel("Per dato")).toHaveValue("2020-01-01");
  });

  test("områdefilteret avgrenser til en region", async ({ page }) => {
    await page.goto("/statistikk?dato=2021-11-01");
    await page.getByLabel("Område").selectOption({ label: "Hallingdal" });
    await page.getByRole("button", { name: "Vis statistikk" }).click();
    await expect(page).toHaveURL(/region=hallingdal/);
    await expect(page.getByTestId("antall-kommuner")).toHaveText("6");
    await expect(page.getByTestId("antall-ordninger")).toHaveText("56");
    // The report column is for the same municipalities (Hallingdal on the survey date), not the whole report's 221.
    await expect(page.getByText("Rapport 2021, samme kommuner: 56", { exact: true })).toBeVisible();
    await expect(page.getByText("Rapport 2021: 221")).toHaveCount(0);
    await expect(page.getByTestId("sammenligningsgrunnlag")).toContainText("01.11.2021");
    // The filter follows the links to the other statistics pages.
    await page.getByRole("navigation", { name: "Statistikksider" }).getByRole("link", { name: "Ordninger per kommune" }).click();
    await expect(page).toHaveURL(/\/statistikk\/kommuner\?dato=2021-11-01&region=hallingdal/);
    await expect(page.getByTestId("tabell-kommuner").locator("tbody tr")).toHaveCount(6);
  });

  test("ugyldig dato eller region gir en tydelig norsk melding", async ({ page }) => {
    await page.goto("/statistikk?dato=2021-02-30");
    await expect(page.getByTestId("ugyldig-filter")).toContainText("Datoen finnes ikke i kalenderen");
    await expect(page.getByTestId("antall-ordninger")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto("/statistikk/sektorer?region=atlantis");
    await expect(page.getByTestId("ugyldig-filter")).toContainText("Ukjent region");
  });

  test("tabellene lastes ned som CSV for norsk Excel og som XLSX", async ({ page }) => {
    await page.goto("/statistikk/kommuner?dato=2021-11-01");
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-snitt-storrelse").click()]);
    expect(csvDownload.suggestedFilename()).toBe("snitt-storrelse-2021-11-01.csv");
    const csv = readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Innbyggere;Kommuner;Snitt (registeret 01.11.2021);Rapport 2021");
    expect(lines[1]).toBe("Under 5 000;12;37,9;38,2");

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx-kommuner").click()]);
    expect(xlsxDownload.suggestedFilename()).toBe("kommuner-2021-11-01.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const header = values.findIndex((r) => r[0] === "Kommune");
    expect(values[header]).toContain("Ordninger (registeret 01.11.2021)");
    const al = values.find((r) => r[0] === "Ål")!;
    expect(al).toContain(44);
    expect(al).toContain(48);
  });

  for (const [slug, title] of PAGES) {
    // axe on every statistics page, at both sizes, is in e2e/public-pages.spec.ts.
    test(`siden ${title} viser tabeller med tekstsammendrag`, async ({ page }) => {
      await page.goto(`/statistikk/${slug}?dato=2021-11-01`);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page.locator("table").first()).toBeVisible();
      await expect(page.locator('[data-testid^="sammendrag-"]').first()).not.toBeEmpty();
    });
  }

  test("sidene viser rapportens kjente feil ved siden av de levende tallene", async ({ page }) => {
    await page.goto("/statistikk/kommuner?dato=2021-11-01");
    const al = page.getByTestId("tabell-kommuner").getByRole("row", { name: /^Ål/ });
    await expect(al).toContainText("44");
    await expect(al).toContainText("48");
    await page.goto("/statistikk/fylkesgrenser?dato=2021-11-01");
    await expect(page.getByTestId("sammendrag-grupper")).toContainText("Rapport 2021: 72");
    await page.goto("/statistikk/nivaa?dato=2021-11-01");
    await expect(page.getByTestId("sammendrag-nivaa")).toContainText("104 lokale, 88 regionale og 29 på høyere nivå");
  });
});
