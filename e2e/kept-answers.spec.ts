import { expect, test } from "@playwright/test";

/**
 * Issue #15: repeat reads of public pages and the open API are answered from memory under the
 * registry version (lib/http/kept-answers.ts, decision 0051), with ETags that answer 304. What is
 * not a public read for anyone (a session cookie on a page, a client-side navigation) is never
 * kept. That a change is served at once is shown by e2e/update-loop.writes.spec.ts, which keeps
 * the arrangement's history page before the change and reads it again after the approval.
 */
const CACHE = "x-samarbeid-cache";
/** What a browser sends when it opens a page (Playwright's request context sends no text/html). */
const DOCUMENT = { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

test("en offentlig side: første svar lages, det neste kommer fra minnet, og en gjeldende kopi gir 304", async ({ request }) => {
  const address = "/ordninger/ikt-hallingdal/historikk";
  const PLAIN = { ...DOCUMENT, "Accept-Encoding": "identity" };
  const first = await request.get(address, { headers: PLAIN });
  expect(first.status()).toBe(200);
  expect(["hit", "miss"]).toContain(first.headers()[CACHE]);
  const second = await request.get(address, { headers: PLAIN });
  expect(second.headers()[CACHE]).toBe("hit");
  expect(second.headers()["content-encoding"]).toBeUndefined();
  expect(await second.text()).toBe(await first.text());
  const etag = second.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]{22}"$/);
  expect(second.headers()["cache-control"]).toBe("private, no-cache");
  const conditional = await request.get(address, { headers: { ...PLAIN, "If-None-Match": etag! } });
  expect(conditional.status()).toBe(304);
  expect(await conditional.body()).toHaveLength(0);

  // As a browser asks (Brotli, gzip): the copy compressed once when the page was kept (not again
  // per request), with a weak ETag that a conditional request matches; gzip where only gzip is taken.
  const brotli = await request.get(address, { headers: { ...DOCUMENT, "Accept-Encoding": "gzip, deflate, br" } });
  expect(brotli.headers()[CACHE]).toBe("hit");
  expect(brotli.headers()["content-encoding"]).toBe("br");
  expect(brotli.headers()["etag"]).toBe(`W/${etag}`);
  expect(brotli.headers()["vary"]).toContain("Accept-Encoding");
  expect(await brotli.text()).toBe(await first.text());
  const zipped = await request.get(address, { headers: { ...DOCUMENT, "Accept-Encoding": "gzip" } });
  expect(zipped.headers()["content-encoding"]).toBe("gzip");
  expect(Number(zipped.headers()["content-length"])).toBeLessThan((await first.body()).length / 3);
  expect(Number(brotli.headers()["content-length"])).toBeLessThan(Number(zipped.headers()["content-length"]));
  expect(zipped.headers()["etag"]).toBe(`W/${etag}`);
  expect(await zipped.text()).toBe(await first.text());
  const weak = await request.get(address, { headers: { ...DOCUMENT, "Accept-Encoding": "gzip", "If-None-Match": `W/${etag}` } });
  expect(weak.status()).toBe(304);
});

test("åpne data: API-svaret kommer fra minnet med CORS og validatorer, og 400 holdes aldri", async ({ request }) => {
  const address = "/api/v1/ordninger?kommune=3338&antall=5";
  const first = await request.get(address);
  expect(first.status()).toBe(200);
  const second = await request.get(address);
  expect(second.headers()[CACHE]).toBe("hit");
  expect(second.headers()["access-control-allow-origin"]).toBe("*");
  expect(second.headers()["etag"]).toBe(first.headers()["etag"]);
  expect(await second.json()).toEqual(await first.json());
  expect((await request.get(address, { headers: { "If-None-Match": second.headers()["etag"]! } })).status()).toBe(304);
  for (let i = 0; i < 2; i++) {
    const wrong = await request.get("/api/v1/ordninger?ukjent=1");
    expect(wrong.status()).toBe(400);
    expect(wrong.headers()[CACHE]).toBeUndefined();
  }
});

test("innloggede og klientnavigasjoner får aldri et lagret svar", async ({ request, page }) => {
  await request.get("/kart", { headers: DOCUMENT });
  const anonymous = await request.get("/kart", { headers: DOCUMENT });
  expect(anonymous.headers()[CACHE]).toBe("hit");
  const withSession = await request.get("/kart", { headers: { ...DOCUMENT, Cookie: "next-auth.session-token=ugyldig" } });
  expect(withSession.status()).toBe(200);
  expect(withSession.headers()[CACHE]).toBeUndefined();
  expect(withSession.headers()["etag"]).toBeUndefined();
  expect((await request.get("/kart")).headers()[CACHE], "a client that does not ask for HTML").toBeUndefined();

  // A client-side navigation in a real browser asks for the RSC payload, never the kept HTML.
  await page.goto("/");
  const payload = page.waitForResponse((response) => new URL(response.url()).pathname === "/kart" && response.request().headers()["rsc"] === "1");
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Kart" }).click();
  const navigation = await payload;
  expect(navigation.headers()["content-type"]).toContain("text/x-component");
  expect(navigation.headers()[CACHE]).toBeUndefined();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kart");
});
