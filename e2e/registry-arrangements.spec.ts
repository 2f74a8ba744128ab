import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("samarbeidsordninger", () => {
  test("filtrere, søke, sortere, bla og dele lenken", async ({ page }) => {
    // A long journey (eight page loads, axe, a download): 25 s on an idle CI machine, more beside axe runs.
    test.setTimeout(90_000);
    await page.goto("/ordninger");
    await expect(page.getByRole("heading", { level: 1, name: "Samarbeidsordninger" })).toBeVisible();
    await expect(page.getByTestId("treff")).toContainText("av 221 ordninger");
    // axe on /ordninger at both sizes: e2e/public-pages.spec.ts.

    // Faceted filter: sector
    await page.locator("summary", { hasText: /^Sektor/ }).click();
    await page.getByRole("checkbox", { name: /^Helsetjenester \(\d+\)$/ }).check();
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await expect(page).toHaveURL(/sektor=health/);
    await expect(page.getByTestId("treff")).not.toContainText("av 221");
    await expect(page.getByRole("link", { name: "Fjern filter Sektor: Helsetjenester" })).toBeVisible();

    // Search that folds case and Norwegian letters
    await page.getByRole("searchbox", { name: /Søk i ordninger/ }).fill("uvdal");
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await expect(page).toHaveURL(/sok=uvdal/);
    await expect(page).toHaveURL(/sektor=health/);
    const uvdalCount = await page.getByTestId("treff").textContent();
    expect(uvdalCount).toMatch(/av \d+ ordninger/);

    // Server-side sorting by clicking a column header (keyboard)
    await page.goto("/ordninger");
    const header = page.getByRole("columnheader", { name: "Deltakere" }).getByRole("button");
    await header.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sorter=deltakere&retning=stigende/);
    await page.getByRole("columnheader", { name: "Deltakere" }).getByRole("button").click();
    await expect(page).toHaveURL(/retning=synkende/);
    await expect(page.getByRole("columnheader", { name: "Deltakere" })).toHaveAttribute("aria-sort", "descending");
    const firstCount = Number((await page.locator("tbody tr").first().locator("td.registry-number").textContent())?.replace(/\s/g, ""));
    expect(firstCount).toBeGreaterThanOrEqual(40);

    // Pagination keeps the sort in the URL
    await page.getByRole("button", { name: "Neste side" }).click();
    await expect(page).toHaveURL(/side=2/);
    await expect(page).toHaveURL(/sorter=deltakere/);
    await expect(page.getByTestId("treff")).toContainText("Viser 26–50 av 221");

    // Column visibility lives in the URL too
    await page.locator("summary", { hasText: "Velg kolonner" }).click();
    await page.getByRole("checkbox", { name: "Over fylkesgrense" }).click();
    await expect(page).toHaveURL(/skjul=kryss/);
    await expect(page.getByRole("columnheader", { name: "Over fylkesgrense" })).toHaveCount(0);

    // The link is the state: a fresh visit shows the same view
    const url = page.url();
    await page.goto(url);
    await expect(page.getByTestId("treff")).toContainText("Viser 26–50 av 221");
    await expect(page.getByRole("columnheader", { name: "Over fylkesgrense" })).toHaveCount(0);
  });

  test("laste ned utvalget som CSV og Excel", async ({ page }) => {
    await page.goto("/ordninger?region=hallingdal&nivaa=lokalt");
    const total = Number((await page.getByTestId("treff").textContent())?.match(/av (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(0);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^Navn;Sektor;/);
    expect(lines).toHaveLength(total + 1);

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (XLSX)" }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Navn");
    expect(sheet.rowCount).toBe(total + 1);
  });

  test("ugyldige parametere gir en forklart, tom side", async ({ page }) => {
    const response = await page.goto("/ordninger?side=abc&kommune=9999");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Ugyldige parametere" })).toBeVisible();
    await expect(page.getByTestId("treff")).toContainText("Ingen ordninger");
    await page.goto("/ordninger?kommune=9999");
    await expect(page.getByRole("alert").filter({ hasText: "Fant ingen kommune med kommunenummer 9999" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("åpne en ordning: fakta, kilder, deltakere og historikk", async ({ page }) => {
    await page.goto("/ordninger?sok=ika%20kongsberg");
    await page.getByRole("link", { name: "IKA Kongsberg", exact: true }).click();
    await expect(page).toHaveURL(/\/ordninger\/ika-kongsberg$/);
    await expect(page.getByRole("heading", { level: 1, name: "IKA Kongsberg" })).toBeVisible();
    await expect(page.getByText("Interkommunalt selskap", { exact: true })).toBeVisible();
    await expect(page.getByText(/Kilde: NIVI 2021, Tabell 5\.1/).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Deltakerkommuner/ }).locator("tbody tr")).toHaveCount(37);
    await expect(page.getByRole("heading", { name: "Endringshistorikk" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Se endringshistorikken" })).toHaveAttribute("href", "/ordninger/ika-kongsberg/historikk");
    await expectNoAxeViolations(page);
    const api = await page.request.get("/api/v1/ordninger/ika-kongsberg");
    const { navn } = await api.json();
    expect(navn).toBe("IKA Kongsberg");
  });
});
