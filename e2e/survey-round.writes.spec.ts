import { type Browser, expect as baseExpect, type Page, test } from "@playwright/test";
import { ACCOUNTS, anonymousPage } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { changedSurveyFile } from "./survey-file";

/**
 * The «Done when» journey of issue #11 (survey rounds): an adviser opens a round for Ål, Drammen
 * and Gol; the Ål editor imports a changed kartleggingsfil (one new participant, one ended arrangement) and
 * confirms; the Drammen editor confirms unchanged; the board shows the states; the adviser approves
 * the change requests, closes the round, and the comparison shows the change against «Rapport 2021».
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const ROUND = "Kartlegging 2027";
/** The arrangements the returned kartleggingsfil changed (names, from the file). */
const changed = { added: "", ended: "" };
let boardUrl = "";
// A slow shared machine: logins (argon2) and first renders get more time than the default 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

async function pageAs(browser: Browser, who: keyof typeof ACCOUNTS, returnTo: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("E-postadresse").fill(ACCOUNTS[who].email);
  await page.getByLabel("Passord").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS[who].name, { timeout: 60_000 });
  return page;
}

async function noHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("rådgiveren åpner en kartleggingsrunde for Ål, Drammen og Gol", async ({ browser }) => {
  const adviser = await pageAs(browser, "adviser", "/kartlegging");
  await adviser.goto("/kartlegging");
  await expect(adviser.getByRole("heading", { level: 1 })).toHaveText("Kartleggingsrunder");
  await expectNoAxeViolations(adviser);
  // Bad input: Norwegian field messages, nothing opened.
  await adviser.getByLabel("Navn på runden").fill("");
  await adviser.getByRole("button", { name: "Fjern alle" }).click();
  await adviser.getByRole("button", { name: "Åpne runden" }).click();
  await expect(adviser.getByText("Navnet må fylles ut.")).toBeVisible();
  await expect(adviser.getByText("Velg minst én kommune.")).toBeVisible();

  await adviser.getByLabel("Navn på runden").fill(ROUND);
  await adviser.getByLabel("Melding til kommunene (valgfritt)").fill("Se særlig etter ordninger som er lagt ned.");
  await adviser.getByRole("button", { name: "Fjern alle" }).click();
  for (const name of ["Ål", "Drammen", "Gol"]) await adviser.getByRole("checkbox", { name, exact: true }).check();
  await adviser.getByRole("button", { name: "Åpne runden" }).click();
  await expect(adviser.getByTestId("skjema-melding")).toContainText(`Kartleggingsrunden «${ROUND}» er åpnet for 3 kommuner.`);
  await adviser.getByRole("link", { name: "Åpne fremdriftstavlen" }).click();
  await expect(adviser.getByRole("heading", { level: 1 })).toHaveText(ROUND);
  boardUrl = new URL(adviser.url()).pathname;
  const board = adviser.getByTestId("fremdriftstavle");
  for (const slug of ["al", "drammen", "gol"]) await expect(board.getByTestId(`kommune-${slug}`)).toContainText("Ikke startet");
  await expectNoAxeViolations(adviser);
  await noHorizontalScroll(adviser);
});

test("Ål-redaktøren ser oppgaven først, sender endringer og bekrefter oversikten", async ({ browser }) => {
  const al = await pageAs(browser, "al", "/");
  await al.goto("/");
  const notice = al.getByTestId("kartleggingsoppgaver");
  await expect(notice).toContainText(`${ROUND}: Ål`);
  await notice.getByRole("link", { name: "Gå gjennom oversikten" }).click();
  await expect(al.getByRole("heading", { level: 1 })).toHaveText(`${ROUND}: Ål`);
  await expect(al.getByTestId("rundestatus")).toHaveText("Ikke startet");
  await expect(al.getByTestId("rundeordninger")).toContainText("Aldri");
  await expectNoAxeViolations(al);
  await noHorizontalScroll(al);
  const taskUrl = al.url();

  // The municipality page shows the task too.
  await al.goto("/kommuner/al");
  await expect(al.getByTestId("kartleggingsoppgaver")).toContainText(`${ROUND}: Ål`);

  // The changes come back as a kartleggingsfil: the app's own export, changed in Excel (one new
  // participant, one ended arrangement), imported with a preview and confirmed.
  await al.getByRole("link", { name: "Importer kartleggingsfil for Ål" }).click();
  await expect(al.getByRole("heading", { level: 1 })).toHaveText("Importer kartleggingsfil for Ål");
  const download = await al.request.get(al.url().replace(/\/import$/, "/kartleggingsfil"));
  expect(download.ok()).toBe(true);
  const file = await changedSurveyFile(await download.body());
  changed.added = file.added;
  changed.ended = file.ended;
  await al
    .getByLabel("Kartleggingsfil (Excel eller CSV)")
    .setInputFiles({ name: "kartleggingsfil-al.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file.buffer });
  await al.getByRole("button", { name: "Forhåndsvis" }).click();
  await expect(al.getByTestId("import-oppsummering")).toContainText(/^0 nye, 2 endret, \d+ uendret, 0 feil$/);
  await al.getByRole("button", { name: "Bekreft import" }).click();
  await expect(al.getByRole("status").filter({ hasText: "endringsforslag er sendt" })).toContainText("2 endringsforslag er sendt til Statsforvalteren");

  await al.goto(taskUrl);
  await expect(al.getByTestId("rundestatus")).toHaveText("Under arbeid");
  await al.getByRole("button", { name: "Bekreft oversikten med endringene" }).click();
  await expect(al.getByTestId("skjema-melding")).toContainText("Oversikten for Ål er bekreftet med endringer");
  await expect(al.getByTestId("rundestatus")).toHaveText("Bekreftet med endringer");

  // Each arrangement shows when it was last confirmed, and by which municipality.
  await al.goto("/ordninger/ikt-hallingdal");
  await expect(al.getByTestId("sist-bekreftet")).toContainText(`av Ål kommune (${ROUND})`);
});

test("Drammen-redaktøren bekrefter uten endringer, og kan ikke bekrefte for Ål", async ({ browser }) => {
  const drammen = await pageAs(browser, "drammen", "/kartlegging");
  await drammen.goto("/kartlegging");
  await drammen.getByTestId("kartleggingsoppgaver").getByRole("link", { name: "Gå gjennom oversikten" }).click();
  await expect(drammen.getByRole("heading", { level: 1 })).toHaveText(`${ROUND}: Drammen`);
  await drammen.getByRole("button", { name: "Bekreft oversikten" }).click();
  await expect(drammen.getByTestId("skjema-melding")).toContainText("Oversikten for Drammen er bekreftet uten endringer.");

  await drammen.goto(boardUrl);
  await expect(drammen).toHaveURL(/\/kartlegging\/\d+\/drammen$/);
  await drammen.goto(`${boardUrl}/al`);
  await expect(drammen.getByTestId("ingen-tilgang")).toBeVisible();
});

test("tavlen viser tilstandene; rådgiveren purrer, godkjenner, lukker runden og sammenligner med Rapport 2021", async ({ browser }) => {
  const adviser = await pageAs(browser, "adviser", boardUrl);
  await adviser.goto(boardUrl);
  const board = adviser.getByTestId("fremdriftstavle");
  await expect(board.getByTestId("kommune-al")).toContainText("Bekreftet med endringer");
  await expect(board.getByTestId("kommune-al")).toContainText(`av Demo Redaktør Ål`);
  await expect(board.getByTestId("kommune-drammen")).toContainText("Bekreftet");
  await expect(board.getByTestId("kommune-gol")).toContainText("Ikke startet");
  await expect(adviser.getByTestId("paminnelsestekst")).toHaveValue(/Fristen er/);

  await adviser.getByRole("button", { name: /Send påminnelse på e-post/ }).click();
  await expect(adviser.getByRole("region", { name: "Påminnelse" }).getByTestId("skjema-melding")).toContainText("Påminnelse registrert for 1 kommuner.");

  // Closing waits for the change requests.
  await adviser.getByRole("button", { name: "Lukk runden og lagre øyeblikksbildet" }).click();
  await expect(adviser.getByRole("region", { name: "Lukk runden" }).getByTestId("skjema-melding")).toContainText("endringsforslag fra kommunene i runden er ikke behandlet");

  for (const summary of [/Hemsedal lagt til som deltaker/, /avslutt/i]) {
    await adviser.goto("/endringsforslag");
    await adviser.getByTestId("forslagsko").getByRole("link", { name: summary }).first().click();
    await adviser.getByRole("button", { name: "Godkjenn og publiser" }).click();
    await expect(adviser.getByTestId("utfall")).toContainText("Godkjent og publisert");
  }

  // Proposals other journeys left pending for these municipalities are settled before closing.
  for (let i = 0; i < 10; i++) {
    await adviser.goto(boardUrl);
    const waiting = await adviser.getByTestId("fremdriftstavle").getByRole("link", { name: /^\d+$/ }).count();
    if (waiting === 0) break;
    await adviser.goto("/endringsforslag");
    await adviser.getByTestId("forslagsko").getByRole("link").first().click();
    await adviser.getByLabel("Begrunnelse til kommunen").fill("Behandlet før kartleggingsrunden ble lukket.");
    await adviser.getByRole("button", { name: "Avvis forslaget" }).click();
    await expect(adviser.getByTestId("utfall")).toContainText("Avvist");
  }
  await adviser.goto(boardUrl);
  await adviser.getByRole("button", { name: "Lukk runden og lagre øyeblikksbildet" }).click();
  await expect(adviser.getByText(/Lukket .* av Demo Rådgiver/)).toBeVisible();
  await adviser.getByRole("link", { name: `sammenlign «${ROUND}» med Rapport 2021` }).click();

  await expect(adviser.getByRole("heading", { level: 1 })).toHaveText("Sammenlign kartlegginger");
  await expect(adviser.getByTestId("avsluttede-ordninger")).toContainText(changed.ended);
  await expect(adviser.getByTestId("endrede-ordninger")).toContainText(changed.added);
  await expect(adviser.getByTestId("endrede-ordninger")).toContainText("+ Hemsedal");
  await expectNoAxeViolations(adviser);
  await noHorizontalScroll(adviser);

  // The same comparison for Ål, public, and in the API.
  const anonymous = await anonymousPage(browser);
  await anonymous.goto("/statistikk/sammenligning?fra=rapport-2021&til=kartlegging-2027&kommune=al");
  await expect(anonymous.getByTestId("antall-per-kommune")).toContainText("Ål");
  await expect(anonymous.getByTestId("avsluttede-ordninger")).toContainText(changed.ended);
  const api = await anonymous.request.get("/api/v1/sammenligning?fra=rapport-2021&til=kartlegging-2027&kommune=al");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.avsluttede.map((a: { navn: string }) => a.navn)).toContain(changed.ended);
  expect(body.endrede.map((a: { navn: string }) => a.navn)).toContain(changed.added);
  expect((await anonymous.request.get("/api/v1/sammenligning?fra=finnes-ikke")).status()).toBe(404);
  await anonymous.goto("/kommuner/al");
  await expect(anonymous.getByRole("heading", { name: `Endringer siden ${ROUND}` })).toBeVisible();
});
