import { chromium } from "playwright-core";
const base = "http://localhost:3204";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function login(email, password) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "nb-NO" });
  const page = await ctx.newPage();
  await page.goto(`${base}/logg-inn`);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByTestId("bruker-meny").waitFor();
  return page;
}
async function shot(page, name, path) {
  if (path) await page.goto(base + path);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `/tmp/sr-shots/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `/tmp/sr-shots/${name}-390.png`, fullPage: true });
  console.log(name, "overflow@390:", overflow);
  await page.setViewportSize({ width: 1366, height: 900 });
}
const adviser = await login("radgiver@demo.samarbeidsregisteret.no", "demo-radgiver-passord");
await shot(adviser, "rounds", "/kartlegging");
if (!(await adviser.getByTestId("runder").count())) {
  await adviser.getByLabel("Navn på runden").fill("Kartlegging 2027");
  await adviser.getByLabel("Melding til kommunene (valgfritt)").fill("Se særlig etter ordninger som er lagt ned.");
  await adviser.getByRole("button", { name: "Fjern alle" }).click();
  for (const name of ["Ål", "Drammen", "Gol"]) await adviser.getByRole("checkbox", { name, exact: true }).check();
  await adviser.getByRole("button", { name: "Åpne runden" }).click();
  await adviser.getByTestId("skjema-melding").waitFor();
  console.log(await adviser.getByTestId("skjema-melding").innerText());
}
await adviser.goto(base + "/kartlegging");
const href = await adviser.getByTestId("runder").getByRole("link").first().getAttribute("href");
const al = await login("al@demo.samarbeidsregisteret.no", "demo-al-passord");
await shot(al, "front-al", "/");
await shot(al, "task-al", `${href}/al`);
await shot(adviser, "board", href);
await shot(adviser, "compare", "/statistikk/sammenligning?kommune=al");
await shot(adviser, "compare-all", "/statistikk/sammenligning");
await shot(al, "kommune-al", "/kommuner/al");
await browser.close();
