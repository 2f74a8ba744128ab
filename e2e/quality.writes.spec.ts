import { expect, test, type Page } from "@playwright/test";
import { anonymousPage, logIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

/**
 * Data quality and agreements (issue #11, docs/decisions/0046): the advisers' dashboard and its
 * filtered lists, the warnings on the arrangement page and in the editor's list, the agreement PDF
 * upload (refused when not a PDF, stored and downloadable when it is), and the printable overview.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const count = async (page: Page, code: string) => Number((await page.locator(`[data-testid="per-regel"] tr[data-regel="${code}"] [data-testid="antall"]`).innerText()).replace(/\s/g, ""));

test("the dashboard is for advisers: anonymous visitors log in, editors are refused", async ({ browser }) => {
  const anonymous = await anonymousPage(browser);
  await anonymous.goto("/kvalitet");
  await expect(anonymous).toHaveURL(/\/logg-inn\?callbackUrl=/);
  const editor = await anonymousPage(browser);
  await logIn(editor, "al", "/kvalitet");
  // «Ingen tilgang» is a 403 page that says why: the dashboard is for the advisers (issue #14).
  await expect(editor.getByTestId("ingen-tilgang")).toContainText("har ikke tilgang til denne siden");
  await expect(editor.getByTestId("ingen-tilgang-grunn")).toHaveText("Oversikten over datakvalitet er bare for rådgiverne hos Statsforvalteren og administratorene.");
});

test("the adviser sees counts per rule and per municipality and follows them to filtered lists", async ({ page }) => {
  await logIn(page, "adviser", "/kvalitet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datakvalitet");
  await expectNoAxeViolations(page);
  expect(await count(page, "orgnr-mangler")).toBeGreaterThan(0);
  expect(await count(page, "ikke-bekreftet")).toBe(0);

  const rules = await count(page, "etableringsaar-ukjent");
  await page.locator('[data-testid="per-regel"]').getByRole("link", { name: "Etableringsår ukjent" }).click();
  await expect(page).toHaveURL(/regel=etableringsaar-ukjent/);
  await expect(page.locator('[data-testid="kvalitet-liste"] tbody tr')).toHaveCount(rules);

  await page.goto("/kvalitet");
  const al = page.locator('[data-testid="per-kommune"] tr[data-kommune="al"]');
  const withFindings = Number((await al.locator("td").nth(1).innerText()).replace(/\s/g, ""));
  await al.getByRole("link", { name: "Ål" }).click();
  await expect(page).toHaveURL(/kommune=3328/);
  await expect(page.locator('[data-testid="kvalitet-liste"] tbody tr')).toHaveCount(withFindings);
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/kvalitet");
  await noHorizontalScroll(page);
});

test("the editor's list shows the warnings of the municipality's arrangements", async ({ page }) => {
  await logIn(page, "al");
  await expect(page.getByTestId("mine-ordninger")).toContainText("merknad");
  await expectNoAxeViolations(page);
});

test("the adviser uploads the agreement PDF: a non-PDF is refused in Norwegian, a PDF is stored, shown and downloadable, and the warning goes", async ({ page, browser }) => {
  await logIn(page, "adviser", "/kvalitet?regel=avtale-mangler");
  const before = await page.locator('[data-testid="kvalitet-liste"] tbody tr').count();
  const link = page.locator('[data-testid="kvalitet-liste"] tbody tr').first().getByRole("link");
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  await expect(page.locator('[data-testid="kvalitet"] [data-regel="avtale-mangler"]')).toBeVisible();

  await page.goto(`${href}/rediger`);
  const upload = page.getByTestId("avtale-opplasting");
  await upload.getByLabel("PDF-fil").setInputFiles({ name: "avtale.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>ikke en pdf</html>") });
  await upload.getByRole("button", { name: "Last opp avtalen" }).click();
  await expect(upload.getByText("Filen er ikke en PDF.", { exact: false }).first()).toBeVisible();

  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  await page.reload();
  await upload.getByLabel("PDF-fil").setInputFiles({ name: "Samarbeidsavtale.pdf", mimeType: "application/pdf", buffer: pdf });
  await upload.getByRole("button", { name: "Last opp avtalen" }).click();
  await expect(upload.getByTestId("skjema-melding")).toContainText("Avtalen «Samarbeidsavtale.pdf» er lastet opp.");
  await expectNoAxeViolations(page);

  const visitor = await anonymousPage(browser);
  await visitor.goto(href);
  const agreement = visitor.getByTestId("samarbeidsavtale");
  await expect(agreement.getByRole("link", { name: "Last ned Samarbeidsavtale.pdf" })).toBeVisible();
  await expect(visitor.locator('[data-testid="kvalitet"] [data-regel="avtale-mangler"]')).toHaveCount(0);
  await expectNoAxeViolations(visitor);
  const download = await visitor.request.get(`${href}/avtale`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

  await page.goto("/kvalitet?regel=avtale-mangler");
  await expect(page.locator('[data-testid="kvalitet-liste"] tbody tr')).toHaveCount(before - 1);
});

test("the municipality's printable overview lists its companies and arrangements", async ({ page }) => {
  await page.goto("/kommuner/3328/oversikt");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interkommunalt samarbeid og selskaper – Ål kommune");
  await expect(page.getByTestId("alle-ordninger").locator("tbody tr").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut eller lagre som PDF" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await noHorizontalScroll(page);
});
