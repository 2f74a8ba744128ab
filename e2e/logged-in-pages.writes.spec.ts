import { type Browser, expect, type Page, test } from "@playwright/test";
import { ACCOUNTS } from "./auth";
import { expectNoAxeViolations } from "./axe";

/**
 * Every page behind the login, as the editor, the adviser and the administrator see them on a phone
 * (390 × 844): axe finds nothing and the page does not scroll sideways (tables reflow or scroll in
 * their own box). The editor first sends two proposals through the forms — årsverk typed with a
 * decimal comma, and a participant chosen in the searchable municipality picker with the keyboard —
 * so the queue, the proposal page and the history have rows. Issue #10 items 7–9.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const ARRANGEMENT = "/ordninger/innkjopssamarbeid-al-hol";
let proposalId = "";

async function loggedIn(browser: Browser, who: keyof typeof ACCOUNTS | null, viewport = PHONE): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  if (!who) return page;
  const account = ACCOUNTS[who];
  await page.goto("/logg-inn");
  await page.getByLabel("E-postadresse").fill(account.email);
  await page.getByLabel("Passord").fill(account.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("bruker-meny")).toContainText(account.name);
  return page;
}

/** The page fits the screen's width and axe finds nothing. */
async function expectFitsAndAccessible(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  // E2E_SCREENSHOTS=dir keeps a picture of every page checked (for looking at them as a person would).
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${page.viewportSize()?.width}${path.replace(/\//g, "_")}.png`, fullPage: true });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${path}: ${scrollWidth} px wide at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
  await expectNoAxeViolations(page);
}

test("redaktøren foreslår årsverk med desimalkomma og en deltaker fra kommunevelgeren", async ({ browser }) => {
  const page = await loggedIn(browser, "al");
  await page.goto(`${ARRANGEMENT}/rediger`);

  const staffing = page.locator("form", { has: page.getByRole("heading", { name: "Årsverk" }) });
  await expect(staffing.getByText("For eksempel 4,5")).toBeVisible();
  await staffing.getByLabel("År", { exact: true }).fill("2025");
  await staffing.getByLabel("Årsverk", { exact: true }).fill("2,5");
  await staffing.getByRole("button", { name: "Foreslå: registrer årsverk" }).click();
  // The receipt (issue #10 item 1): the outcome first, then what was sent, with the comma.
  await expect(page).toHaveURL(/\/endringsforslag\/\d+\/sendt$/, { timeout: 30_000 });
  await expect(page.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");
  await expect(page.getByTestId("sendt-innhold")).toContainText("2,5");
  await page.goto(`${ARRANGEMENT}/rediger`);

  const add = page.locator("form", { has: page.getByRole("heading", { name: "Legg til deltakerkommune" }) });
  const municipality = add.getByLabel("Kommune", { exact: true }).and(add.locator("input"));
  // A municipality merged away in 2020 is not offered for a participation that lasts until today.
  await municipality.click();
  await municipality.pressSequentially("Hurum");
  await expect(add.getByRole("option", { name: "Ingen treff" })).toBeVisible();
  await expect(add.getByRole("option", { name: "Hurum" })).toHaveCount(0);
  // Two municipalities named Våler, told apart by their county; chosen with the arrow keys and Enter.
  await municipality.fill("");
  await municipality.pressSequentially("Våler");
  await expect(add.getByRole("option", { name: "Våler (Innlandet)" })).toBeVisible();
  await expect(add.getByRole("option", { name: "Våler (Østfold)" })).toBeVisible();
  await municipality.press("ArrowDown");
  await municipality.press("ArrowDown");
  await municipality.press("Enter");
  await expect(municipality).toHaveValue("Våler (Østfold)");
  await add.getByRole("button", { name: "Foreslå: legg til deltaker" }).click();
  await expect(page).toHaveURL(/\/endringsforslag\/\d+\/sendt$/, { timeout: 30_000 });
  await expect(page.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");

  await page.goto("/mine-forslag");
  const mine = page.getByTestId("mine-forslag");
  await expect(mine).toContainText("Våler (Østfold) lagt til som deltaker i Innkjøpssamarbeid Ål-Hol");
  const link = mine.getByRole("link", { name: /Årsverk 2025 registrert/ });
  proposalId = ((await link.getAttribute("href")) ?? "").split("/").pop() ?? "";
  expect(proposalId).toMatch(/^\d+$/);
  await page.goto(`/endringsforslag/${proposalId}`);
  await expect(page.getByTestId("forslag-diff")).toContainText("2,5 årsverk");
  await page.context().close();
});

test("forsiden viser oppgavene: ventende forslag for rådgiveren og redaktøren", async ({ browser }) => {
  const adviser = await loggedIn(browser, "adviser", DESKTOP);
  await adviser.goto("/");
  const review = adviser.getByTestId("dine-oppgaver").getByTestId("til-vurdering");
  await expect(review).toHaveText(/\d+ endringsforslag venter på din vurdering/);
  await expect(review).toHaveAttribute("href", "/endringsforslag");
  await adviser.context().close();
  const editor = await loggedIn(browser, "al", DESKTOP);
  await editor.goto("/");
  await expect(editor.getByTestId("dine-oppgaver").getByTestId("mine-ventende")).toHaveText(/\d+ av forslagene dine venter på Statsforvalteren/);
  await editor.context().close();
});

test("ukjent endringsforslag og kartleggingsrunde gir den norske 404-siden også uten JavaScript", async ({ browser }) => {
  const page = await loggedIn(browser, "adviser", DESKTOP);
  const state = await page.context().storageState();
  await page.context().close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const noJs = await context.newPage();
  for (const path of ["/endringsforslag/999999", "/kartlegging/999999"]) {
    const response = await noJs.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(noJs.locator("html")).toHaveAttribute("lang", "nb");
    await expect(noJs.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
    const html = await response!.text();
    expect(html.indexOf("<title>"), path).toBeLessThan(html.indexOf("</head>"));
  }
  await context.close();
});

test("rådgiveren godkjenner årsverket, så historikken har en rad", async ({ browser }) => {
  const page = await loggedIn(browser, "adviser", DESKTOP);
  await page.goto(`/endringsforslag/${proposalId}`);
  await page.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(page.getByTestId("utfall")).toContainText("Godkjent og publisert");
  await page.goto(`${ARRANGEMENT}/historikk`);
  await expect(page.getByTestId("historikk")).toContainText("2,5 årsverk");
  // The front page lists the arrangement among the recently changed, with the day as dd.mm.yyyy.
  await page.goto("/");
  const recent = page
    .getByTestId("sist-endret")
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="${ARRANGEMENT}"]`) });
  await expect(recent).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await page.context().close();
});

const PAGES: { who: keyof typeof ACCOUNTS | null; paths: () => string[] }[] = [
  { who: null, paths: () => ["/logg-inn", "/glemt-passord", "/ordninger"] },
  {
    who: "al",
    paths: () => [
      "/mine-forslag",
      "/ordninger/ny",
      `${ARRANGEMENT}/rediger`,
      `/endringsforslag/${proposalId}`,
      `${ARRANGEMENT}/historikk`,
      "/admin",
      "/konto",
      "/kommuner/3328/import",
      "/varsler",
      "/kartlegging",
    ],
  },
  {
    who: "adviser",
    paths: () => [
      "/endringsforslag",
      `/endringsforslag/${proposalId}`,
      `${ARRANGEMENT}/rediger`,
      "/ordninger/ny",
      `${ARRANGEMENT}/historikk`,
      "/konto",
      "/varsler",
      "/kartlegging",
      "/kvalitet",
      "/kvalitet?regel=avtale-mangler",
    ],
  },
  { who: "admin", paths: () => ["/admin", "/admin/utboks", "/endringsforslag"] },
];

for (const { who, paths } of PAGES) {
  test(`på mobil (390 × 844): ${who ?? "ikke innlogget"} — ingen sidescroll og ingen axe-brudd`, async ({ browser }) => {
    const page = await loggedIn(browser, who);
    for (const path of paths()) await expectFitsAndAccessible(page, path);
    if (who === "admin") {
      await page.goto("/admin");
      await page.getByTestId("brukere").getByRole("link", { name: ACCOUNTS.al.name }).click();
      await expect(page).toHaveURL(/\/admin\/brukere\/\d+$/);
      await expectFitsAndAccessible(page, new URL(page.url()).pathname);
    }
    await page.context().close();
  });
}

test("på PC (1366 × 900) passer de samme sidene også", async ({ browser }) => {
  const page = await loggedIn(browser, "adviser", DESKTOP);
  for (const path of ["/endringsforslag", `/endringsforslag/${proposalId}`, `${ARRANGEMENT}/rediger`, `${ARRANGEMENT}/historikk`]) {
    await page.goto(path);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
  }
  await page.context().close();
});
