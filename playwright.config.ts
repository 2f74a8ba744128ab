import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SMTP_URL } from "./e2e/smtp";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two workers for the read-only project (its tests share nothing but the seeded data); the journeys
  // that write run one at a time (their project sets workers: 1). PW_WORKERS=1 runs everything serially.
  workers: Number(process.env.PW_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : [["list"]],
  use: {
    baseURL,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // Read-only journeys first; journeys that change data (*.writes.spec.ts) run afterwards, so the
    // 2021 figures the others assert are still intact when they run.
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /\.writes\.spec\.ts$/, fullyParallel: true },
    { name: "skriving", use: { ...devices["Desktop Chrome"] }, testMatch: /\.writes\.spec\.ts$/, dependencies: ["chromium"], workers: 1 },
  ],
  webServer: {
    // A throwaway embedded PostgreSQL, migrated and seeded, and the production build on `port`.
    command: "npx tsx --conditions=react-server scripts/start.ts --ephemeral",
    url: `${baseURL}/api/health`,
    // Mail goes to the SMTP server the journeys start on loopback (e2e/smtp.ts; the outbox retries until it listens).
    env: { PORT: String(port), SMTP_URL, MAIL_FROM: "Samarbeidsregisteret <ikke-svar@samarbeidsregisteret.test>" },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
  },
});
