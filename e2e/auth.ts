import { expect, type Browser, type Page } from "@playwright/test";

/** The demo accounts scripts/start.ts creates on the embedded database (also printed at start). */
export const ACCOUNTS = {
  admin: { email: "admin@demo.samarbeidsregisteret.no", password: "demo-admin-passord", name: "Demo Administrator" },
  adviser: { email: "radgiver@demo.samarbeidsregisteret.no", password: "demo-radgiver-passord", name: "Demo Rådgiver" },
  al: { email: "al@demo.samarbeidsregisteret.no", password: "demo-al-passord", name: "Demo Redaktør Ål" },
  drammen: { email: "drammen@demo.samarbeidsregisteret.no", password: "demo-drammen-passord", name: "Demo Redaktør Drammen" },
} as const;

export async function logIn(page: Page, who: keyof typeof ACCOUNTS, returnTo = "/mine-forslag"): Promise<void> {
  const account = ACCOUNTS[who];
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("E-postadresse").fill(account.email);
  await page.getByLabel("Passord").fill(account.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("bruker-meny")).toContainText(account.name);
}

/** A page in its own browser context (own cookies), logged in as `who`. */
export async function pageAs(browser: Browser, who: keyof typeof ACCOUNTS, returnTo?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, who, returnTo);
  return page;
}

/** A page in a fresh context without any login (axe needs pages from browser.newContext()). */
export async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}
