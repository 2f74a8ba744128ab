import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS } from "./auth";

/**
 * Two app instances on one database (issue #14, «more than one machine»): no state lives in the
 * process, so a change approved through one instance is served by the other on the next request,
 * and the login limit counts attempts made through both. Instance A is `npm start` with its own
 * embedded PostgreSQL; instance B is a second `next start` on A's database and secret.
 */
const base = Number(process.env.E2E_PORT ?? 3100);
const PORT_A = base + 11;
const PORT_B = base + 12;
const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;
const ROOT = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(os.tmpdir(), `samarbeid-multi-${process.pid}`);
const children: ChildProcess[] = [];

async function healthy(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} svarte ikke`);
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: "warn" }, stdio: "ignore", detached: true });
  children.push(child);
  return child;
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  start(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], { PORT: String(PORT_A), DATA_DIR: dataDir, NEXTAUTH_URL: A });
  // Fail fast (a retry starts afresh) rather than spend the whole budget on one stuck start.
  await healthy(A, 90_000);
  // The embedded server's port is line 4 of its postmaster.pid.
  const pgPort = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")
    .split("\n")[3]!
    .trim();
  const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  start(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT_B)], {
    DATABASE_URL: `postgresql://postgres:samarbeid@127.0.0.1:${pgPort}/samarbeidsregisteret`,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: B,
    SAMARBEID_EMBEDDED_DB: "1",
    NODE_ENV: "production",
  });
  await healthy(B, 120_000);
});

test.afterAll(async () => {
  // B first (it uses A's database); A's start script stops its PostgreSQL on SIGTERM.
  for (const child of children.reverse()) {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => {
        child.once("exit", resolve);
        setTimeout(resolve, 20_000);
      });
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, origin: string, who: keyof typeof ACCOUNTS, returnTo: string): Promise<void> {
  await page.goto(`${origin}/logg-inn?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("E-postadresse").fill(ACCOUNTS[who].email);
  await page.getByLabel("Passord").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("bruker-meny")).toContainText(ACCOUNTS[who].name, { timeout: 30_000 });
}

test("en endring godkjent gjennom den ene instansen vises av den andre ved neste forespørsel", async ({ browser }) => {
  const text = `Endret gjennom instans A ${Date.now()}`;
  const al = await (await browser.newContext()).newPage();
  await logIn(al, A, "al", "/ordninger/innkjopssamarbeid-al-hol/rediger");
  await al.goto(`${A}/ordninger/innkjopssamarbeid-al-hol/rediger`);
  await al.getByLabel("Beskrivelse (valgfritt)").fill(text);
  await al.getByRole("button", { name: "Send forslag til Statsforvalteren" }).click();
  await expect(al.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt", { timeout: 30_000 });
  await al.context().close();

  // The adviser approves through B …
  const adviser = await (await browser.newContext()).newPage();
  await logIn(adviser, B, "adviser", "/endringsforslag");
  await adviser.goto(`${B}/endringsforslag`);
  await adviser
    .getByRole("link", { name: /Innkjøpssamarbeid/ })
    .first()
    .click();
  await adviser.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(adviser.getByTestId("utfall")).toContainText("Godkjent og publisert", { timeout: 30_000 });
  await adviser.context().close();

  // … and A serves it on the next request (API and page), with no cache in between.
  const api = await (await fetch(`${A}/api/v1/ordninger/innkjopssamarbeid-al-hol`)).json();
  expect(JSON.stringify(api)).toContain(text);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${A}/ordninger/innkjopssamarbeid-al-hol`);
  await expect(visitor.getByText(text)).toBeVisible();
  await visitor.context().close();
});

test("innloggingsgrensen teller forsøk gjennom begge instansene", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const account = ACCOUNTS.drammen;
  // Five wrong passwords, alternating between the instances …
  for (let i = 0; i < 5; i++) {
    const origin = i % 2 === 0 ? A : B;
    await page.goto(`${origin}/logg-inn`);
    await page.getByLabel("E-postadresse").fill(account.email);
    await page.getByLabel("Passord").fill(`feil-passord-${i}`);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByText(/feil|For mange/i).first()).toBeVisible({ timeout: 30_000 });
  }
  // … and the right password is refused on both, because the limit lives in PostgreSQL.
  for (const origin of [A, B]) {
    await page.goto(`${origin}/logg-inn`);
    await page.getByLabel("E-postadresse").fill(account.email);
    await page.getByLabel("Passord").fill(account.password);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByText("For mange innloggingsforsøk", { exact: false })).toBeVisible({ timeout: 30_000 });
  }
  await page.context().close();
});
