import { expect, test } from "@playwright/test";
import { ACCOUNTS, anonymousPage } from "./auth";

/** Issue #10 items 5 and 6: logging in comes back to the page that asked for it. */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const OVRE = "/ordninger/ovre-hallingdal-legevakt";

test("innlogging fra «Foreslå en endring» kommer tilbake til redigeringssiden", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto(OVRE);
  await page.getByRole("link", { name: "Foreslå en endring" }).click();
  await expect(page).toHaveURL(/\/logg-inn\?callbackUrl=/);
  await page.getByLabel("E-postadresse").fill(ACCOUNTS.al.email);
  await page.getByLabel("Passord").fill(ACCOUNTS.al.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(new RegExp(`${OVRE}/rediger$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreslå endring: Øvre Hallingdal legevakt");
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS.al.name);

  // Already logged in: /logg-inn?callbackUrl=… goes straight there; without one, to the user's own list.
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent(`${OVRE}/historikk`)}`);
  await expect(page).toHaveURL(new RegExp(`${OVRE}/historikk$`));
  await page.goto("/logg-inn");
  await expect(page).toHaveURL(/\/mine-forslag$/);
  // Another origin is never followed.
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent("https://evil.example/x")}`);
  await expect(page).toHaveURL(/\/mine-forslag$/);
  await page.context().close();
});

test("«Logg inn» i toppen kommer tilbake til siden det ble klikket på", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto("/kommuner/3328");
  await page.getByRole("banner").getByRole("link", { name: "Logg inn" }).click();
  await page.getByLabel("E-postadresse").fill(ACCOUNTS.adviser.email);
  await page.getByLabel("Passord").fill(ACCOUNTS.adviser.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(/\/kommuner\/3328$/);
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS.adviser.name);
  await page.context().close();
});
