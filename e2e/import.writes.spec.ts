import { expect, test } from "@playwright/test";
import { logIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { changedSurveyFile } from "./survey-file";

/**
 * Issue #11, «Import»: the Ål editor downloads the kartleggingsfil through the app's own export,
 * adds a participant to one arrangement and ends another, uploads it, sees the preview and
 * confirms; the outcome links to the two change requests. Stable labels used here (and by the
 * survey-round journey): link «Importer kartleggingsfil for Ål», file input «Kartleggingsfil (Excel
 * eller CSV)», buttons «Forhåndsvis» and «Bekreft import», test ids import-oppsummering,
 * import-tabell, import-melding and import-lenker.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("Ål-redaktøren importerer en endret kartleggingsfil og sender endringsforslag", async ({ page }) => {
  await logIn(page, "al");
  await page.goto("/kommuner/al");
  await page.getByRole("link", { name: "Importer kartleggingsfil for Ål" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer kartleggingsfil for Ål");

  const download = await page.request.get(page.url().replace(/\/import$/, "/kartleggingsfil"));
  expect(download.ok()).toBe(true);
  const { buffer, added, ended } = await changedSurveyFile(await download.body());
  expect(added && ended).toBeTruthy();

  await page.getByLabel("Kartleggingsfil (Excel eller CSV)").setInputFiles({ name: "kartleggingsfil-al.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "Forhåndsvis" }).click();
  await expect(page.getByTestId("import-oppsummering")).toContainText(/^0 nye, 2 endret, \d+ uendret, 0 feil$/);
  const table = page.getByTestId("import-tabell");
  await expect(table.locator('tr[data-status="changed"]')).toHaveCount(2);
  await expect(table.locator('tr[data-status="changed"]', { hasText: added })).toContainText("Deltakerkommune Hemsedal");
  await expect(table.locator('tr[data-status="changed"]', { hasText: ended })).toContainText("Sluttdato");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Bekreft import" }).click();
  const outcome = page.getByRole("status").filter({ hasText: "endringsforslag er sendt" });
  await expect(outcome).toContainText("2 endringsforslag er sendt til Statsforvalteren");
  const links = page.getByTestId("import-lenker").getByRole("link");
  await expect(links).toHaveCount(2);
  await expect(links.filter({ hasText: "Hemsedal" })).toHaveCount(1);
  await expect(links.filter({ hasText: "avsluttet" })).toHaveCount(1);
  await links.filter({ hasText: "avsluttet" }).click();
  await expect(page).toHaveURL(/\/endringsforslag\/\d+$/);
  await expect(page.getByText(ended).first()).toBeVisible();
});

test("en fil med ukjent kommune viser forslag og endrer ingenting før raden er tatt ut", async ({ page }) => {
  await logIn(page, "al");
  const csv = "\uFEFFNavn på ordning;Deltakerkommuner;Annen informasjon\r\nSamarbeid om bibliotek;Ål, Hemsdal;Sektor: Kultur\r\n";
  await page.goto("/kommuner/al/import");
  await page.getByLabel("Kartleggingsfil (Excel eller CSV)").setInputFiles({ name: "fil.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Forhåndsvis" }).click();
  await expect(page.getByTestId("import-oppsummering")).toHaveText("0 nye, 0 endret, 0 uendret, 1 feil");
  await expect(page.getByTestId("ukjente-kommuner")).toContainText("«Hemsdal» (rad 2) – mente du «Hemsedal»?");
  await page.getByRole("button", { name: "Bekreft import" }).click();
  await expect(page.getByTestId("import-melding")).toContainText("Ingenting er lagret");
  await page.getByRole("checkbox", { name: "Ta med rad 2" }).uncheck();
  await expect(page.getByRole("button", { name: "Bekreft import" })).toBeDisabled();
});
