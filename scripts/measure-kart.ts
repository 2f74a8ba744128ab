/**
 * Size of /kart as a browser gets it: HTML bytes (the server's answer, uncompressed) and the number
 * of DOM elements after hydration, for the default view, a chosen municipality and a region.
 *
 *   npx tsx scripts/measure-kart.ts [BASE_URL] [path …]     (default http://localhost:3000)
 *
 * Run it against a production build (`npm start`) on the 2021 data, and on the national dataset
 * (scripts/generate-national-dataset.ts into an empty migrated database, then
 * `DATABASE_URL=… npm start`). Bound: under 500 kB of HTML per page (issue #13, #15).
 */
import { chromium } from "playwright-core";

const [base = "http://localhost:3000", ...rest] = process.argv.slice(2);
const paths = rest.length ? rest : ["/kart", "/kart?kommune=al", "/kart?region=hallingdal", "/kart?kommune=kommune-10", "/kart?minst=1"];
const LIMIT = 500 * 1024;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
let failed = false;
try {
  const page = await browser.newPage();
  console.log("| Side | HTML (byte) | DOM-elementer | Tabulatorstopp i tegningen |\n|---|---:|---:|---:|");
  for (const path of paths) {
    const response = await fetch(new URL(path, base));
    const bytes = Buffer.byteLength(await response.text());
    await page.goto(new URL(path, base).toString(), { waitUntil: "networkidle" });
    const { elements, stops } = await page.evaluate(() => ({
      elements: document.getElementsByTagName("*").length,
      stops: document.querySelectorAll('svg.kart-svg [tabindex="0"]').length,
    }));
    if (bytes > LIMIT) failed = true;
    console.log(`| ${path} (${response.status}) | ${bytes.toLocaleString("nb-NO")} | ${elements.toLocaleString("nb-NO")} | ${stops} |`);
  }
} finally {
  await browser.close();
}
if (failed) {
  console.error(`Minst én side er større enn ${LIMIT} byte.`);
  process.exit(1);
}
