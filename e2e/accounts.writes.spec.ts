import { type Browser, expect as baseExpect, type Page, test } from "@playwright/test";
import { ACCOUNTS, anonymousPage } from "./auth";
import { expectNoAxeViolations } from "./axe";

/** Issue #10 items 6 and 5: logging in comes back to the page that asked for it; invitations, password links and session versions. */
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** Logins (argon2) and server actions can take long on a busy, shared test machine. */
const expect = baseExpect.configure({ timeout: 30_000 });

const OVRE = "/ordninger/ovre-hallingdal-legevakt";
/** A login (argon2) and the page after it can take long on a busy test machine. */
const SLOW = { timeout: 45_000 };

test("innlogging fra «Foreslå en endring» kommer tilbake til redigeringssiden", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto(OVRE);
  await page.getByRole("link", { name: "Foreslå en endring", exact: true }).click();
  await expect(page).toHaveURL(/\/logg-inn\?callbackUrl=/, SLOW);
  await page.getByLabel("E-postadresse").fill(ACCOUNTS.al.email);
  await page.getByLabel("Passord").fill(ACCOUNTS.al.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(new RegExp(`${OVRE}/rediger$`), SLOW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreslå endring: Øvre Hallingdal legevakt");
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS.al.name, SLOW);

  // Already logged in: /logg-inn?callbackUrl=… goes straight there; without one, to the user's own list.
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent(`${OVRE}/historikk`)}`);
  await expect(page).toHaveURL(new RegExp(`${OVRE}/historikk$`), SLOW);
  await page.goto("/logg-inn");
  await expect(page).toHaveURL(/\/mine-forslag$/, SLOW);
  // Another origin is never followed.
  await page.goto(`/logg-inn?callbackUrl=${encodeURIComponent("https://evil.example/x")}`);
  await expect(page).toHaveURL(/\/mine-forslag$/, SLOW);
  await page.context().close();
});

test("«Logg inn» i toppen kommer tilbake til siden det ble klikket på", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto("/kommuner/3328");
  await page.getByRole("banner").getByRole("link", { name: "Logg inn" }).click();
  await page.getByLabel("E-postadresse").fill(ACCOUNTS.adviser.email);
  await page.getByLabel("Passord").fill(ACCOUNTS.adviser.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(/\/kommuner\/3328$/, SLOW);
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS.adviser.name);
  await page.context().close();
});

// ── Accounts (item 5) ────────────────────────────────────────────────────────────────────────────
const NEW_USER = { email: "ingrid.invitert@hol.kommune.no", name: "Ingrid Invitert", password: "ingrid-sitt-eget-passord" };

/** The newest mail to `to` whose subject contains `subject`, read from /admin/utboks (no SMTP here). */
async function linkFromOutbox(browser: Browser, to: string, subject: string): Promise<string> {
  const admin = await adminPage(browser, "/admin/utboks");
  const row = admin.getByTestId("utboks").getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  const body = (await row.locator("pre").textContent()) ?? "";
  await admin.context().close();
  const link = /https?:\/\/\S+\/sett-passord\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link, `a link in the mail to ${to}`).toBeTruthy();
  return new URL(link!).pathname;
}

async function loginAt(page: Page, email: string, password: string) {
  await page.goto("/logg-inn");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/** The demo admin in a fresh context (like pageAs, with room for a slow login). */
async function adminPage(browser: Browser, path: string): Promise<Page> {
  const page = await anonymousPage(browser);
  await loginAt(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS.admin.name, SLOW);
  await page.goto(path);
  return page;
}

test("invitasjon → eget passord → innlogging", async ({ browser }) => {
  const admin = await adminPage(browser, "/admin");
  await expect(admin.getByLabel("Startpassord")).toHaveCount(0);
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Opprett brukeren" }) });
  await form.getByLabel("Navn").fill(NEW_USER.name);
  await form.getByLabel("E-postadresse").fill(NEW_USER.email);
  await form.getByRole("checkbox", { name: "Hol", exact: true }).check();
  await form.getByRole("button", { name: "Opprett brukeren" }).click();
  await expect(admin.getByTestId("skjema-melding")).toContainText(`Brukeren ${NEW_USER.email} er opprettet`);
  await expect(admin.getByTestId("brukere")).toContainText("Invitert");
  await expectNoAxeViolations(admin);
  await admin.context().close();
  // The link goes by e-mail (SMTP is configured in these journeys; without it the admin also sees it
  // once on the page): read it from the outbox, as the admin could.
  const shown = `http://localhost${await linkFromOutbox(browser, NEW_USER.email, "Invitasjon til Samarbeidsregisteret")}`;
  expect(shown).toMatch(/\/sett-passord\/[A-Za-z0-9_-]{43}$/);

  const page = await anonymousPage(browser);
  await page.goto(new URL(shown).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Velg passord");
  await expectNoAxeViolations(page);
  await page.getByLabel("Nytt passord").fill("for-kort");
  await page.getByLabel("Gjenta passordet").fill("for-kort");
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByText("Passordet må ha minst 12 tegn.")).toBeVisible();
  await page.getByLabel("Nytt passord").fill(NEW_USER.password);
  await page.getByLabel("Gjenta passordet").fill(NEW_USER.password);
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByTestId("skjema-melding")).toContainText("Passordet er lagret");
  // One time only.
  await page.goto(new URL(shown).pathname);
  await expect(page.getByTestId("ugyldig-lenke")).toBeVisible();

  await loginAt(page, NEW_USER.email, NEW_USER.password);
  await expect(page).toHaveURL(/\/mine-forslag$/, SLOW);
  await expect(page.getByTestId("bruker-meny")).toContainText(NEW_USER.name);
  await page.context().close();
});

test("etter «Glemt passord» og nytt passord blir den gamle økten avvist, også av server actions", async ({ browser }) => {
  const old = await anonymousPage(browser);
  await loginAt(old, NEW_USER.email, NEW_USER.password);
  await expect(old).toHaveURL(/\/mine-forslag$/, SLOW);
  await old.goto("/konto");
  await expect(old.getByRole("heading", { level: 1 })).toHaveText("Min konto");

  const other = await anonymousPage(browser);
  await other.goto("/logg-inn");
  await other.getByRole("link", { name: "Glemt passord?" }).click();
  await expectNoAxeViolations(other);
  await other.getByLabel("E-postadresse").fill(NEW_USER.email);
  await other.getByRole("button", { name: "Send lenke" }).click();
  const answer = (await other.getByTestId("skjema-melding").textContent()) ?? "";
  expect(answer).toContain("Hvis det finnes en aktiv konto");
  await other.getByLabel("E-postadresse").fill("finnes.ikke@hol.kommune.no");
  await other.getByRole("button", { name: "Send lenke" }).click();
  await expect(other.getByTestId("skjema-melding")).toHaveText(answer.replace(NEW_USER.email, "finnes.ikke@hol.kommune.no"));

  const path = await linkFromOutbox(browser, NEW_USER.email, "Nytt passord");
  await other.goto(path);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Nytt passord");
  await other.getByLabel("Nytt passord").fill("ingrids-nye-passord-2");
  await other.getByLabel("Gjenta passordet").fill("ingrids-nye-passord-2");
  await other.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(other.getByTestId("skjema-melding")).toContainText("Det nye passordet er lagret");
  await other.context().close();

  // The old session's page is still open: its server action is refused, and nothing changes.
  await old.getByLabel("Nåværende passord").fill(NEW_USER.password);
  await old.getByLabel("Nytt passord").fill("et-tredje-passord-3");
  await old.getByLabel("Gjenta det nye passordet").fill("et-tredje-passord-3");
  await old.getByRole("button", { name: "Endre passord" }).click();
  await expect(old.getByTestId("skjema-melding")).toHaveText("Du må logge inn for å gjøre dette.");
  expect(await (await old.request.get("/api/auth/session")).json()).toEqual({});
  await old.goto("/mine-forslag");
  await expect(old).toHaveURL(/\/logg-inn\?callbackUrl=%2Fmine-forslag$/, SLOW);
  await old.context().close();

  const fresh = await anonymousPage(browser);
  await loginAt(fresh, NEW_USER.email, "ingrids-nye-passord-2");
  await expect(fresh).toHaveURL(/\/mine-forslag$/, SLOW);
  await fresh.context().close();
});

test("deaktivering og aktivering gjenoppliver ikke en gammel økt; eget passordbytte holder deg innlogget", async ({ browser }) => {
  const user = await anonymousPage(browser);
  await loginAt(user, NEW_USER.email, "ingrids-nye-passord-2");
  await expect(user).toHaveURL(/\/mine-forslag$/, SLOW);

  const admin = await adminPage(browser, "/admin");
  await admin.getByTestId("brukere").getByRole("link", { name: NEW_USER.name }).click();
  await admin.getByRole("button", { name: "Deaktiver brukeren" }).click();
  await expect(admin.getByRole("button", { name: "Aktiver brukeren igjen" })).toBeVisible();
  await admin.getByRole("button", { name: "Aktiver brukeren igjen" }).click();
  await expect(admin.getByRole("button", { name: "Deaktiver brukeren" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.context().close();

  await user.goto("/mine-forslag");
  await expect(user).toHaveURL(/\/logg-inn\?callbackUrl=%2Fmine-forslag$/, SLOW);
  await user.getByLabel("E-postadresse").fill(NEW_USER.email);
  await user.getByLabel("Passord", { exact: true }).fill("ingrids-nye-passord-2");
  await user.getByRole("button", { name: "Logg inn" }).click();
  await expect(user).toHaveURL(/\/mine-forslag$/, SLOW);

  await user.goto("/konto");
  await expectNoAxeViolations(user);
  await user.getByLabel("Nåværende passord").fill("feil-passord-her");
  await user.getByLabel("Nytt passord").fill("ingrids-tredje-passord");
  await user.getByLabel("Gjenta det nye passordet").fill("ingrids-tredje-passord");
  await user.getByRole("button", { name: "Endre passord" }).click();
  await expect(user.getByText("Det nåværende passordet er feil.")).toBeVisible();
  await user.getByLabel("Nåværende passord").fill("ingrids-nye-passord-2");
  await user.getByLabel("Nytt passord").fill("ingrids-tredje-passord");
  await user.getByLabel("Gjenta det nye passordet").fill("ingrids-tredje-passord");
  await user.getByRole("button", { name: "Endre passord" }).click();
  await expect(user.getByTestId("logget-inn-igjen")).toBeVisible();
  await user.goto("/mine-forslag");
  await expect(user).toHaveURL(/\/mine-forslag$/, SLOW);

  await user.goto("/konto");
  await user.getByRole("button", { name: "Logg ut overalt" }).click();
  await expect(user).toHaveURL(/\/logg-inn\?melding=utlogget-overalt$/, SLOW);
  await expect(user.getByRole("status")).toContainText("Du er logget ut på alle enheter.");
  await user.context().close();
});
