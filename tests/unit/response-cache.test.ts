import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/registry/version", () => ({ registryVersion: async () => ({ token: "v1", lastModified: new Date(0) }) }));

const { acceptsGzip, answerFrom, cachedAnswer, chooseEncoding, codingWeight, forgetResponses, keepable, replyFrom, responseCacheStats } = await import("@/lib/http/response-cache");
const { keptKind, FILL_HEADER } = await import("@/lib/http/kept-answers");

const text = (status: number, body: string, headers: Record<string, string> = {}) => keepable(new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", ...headers } }));
const ok = () => true;

beforeEach(() => {
  process.env.RESPONSE_CACHE = "on";
  forgetResponses();
});
afterEach(() => {
  process.env.RESPONSE_CACHE = "off";
});

describe("cachedAnswer", () => {
  it("keeps an answer under its key and serves the same bytes again", async () => {
    const produce = vi.fn(() => text(200, "<p>Ål</p>"));
    const first = await cachedAnswer("page\nv1\n/", produce, ok);
    const second = await cachedAnswer("page\nv1\n/", produce, ok);
    expect(produce).toHaveBeenCalledTimes(1);
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(await answerFrom(second.answer).text()).toBe("<p>Ål</p>");
    expect(responseCacheStats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  it("a new version is a new key: nothing from before a change is served", async () => {
    await cachedAnswer("page\nv1\n/", () => text(200, "før"), ok);
    const after = await cachedAnswer("page\nv2\n/", () => text(200, "etter"), ok);
    expect(after.hit).toBe(false);
    expect(new TextDecoder().decode(after.answer.body)).toBe("etter");
  });

  it("concurrent misses share one production", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const produce = vi.fn(async () => {
      await gate;
      return text(200, "én gang");
    });
    const all = Promise.all(Array.from({ length: 20 }, () => cachedAnswer("page\nv1\n/kart", produce, ok)));
    release();
    const answers = await all;
    expect(produce).toHaveBeenCalledTimes(1);
    expect(answers.filter((a) => !a.hit)).toHaveLength(1);
  });

  it("keeps only what the rule allows, and a failed production keeps nothing", async () => {
    const onlyOk = (answer: { status: number }) => answer.status === 200;
    await cachedAnswer("page\nv1\n/mangler", () => text(404, "finnes ikke"), onlyOk);
    expect((await cachedAnswer("page\nv1\n/mangler", () => text(404, "finnes ikke"), onlyOk)).hit).toBe(false);
    await expect(cachedAnswer("page\nv1\n/feil", () => Promise.reject(new Error("nede")), ok)).rejects.toThrow("nede");
    expect((await cachedAnswer("page\nv1\n/feil", () => text(200, "oppe"), ok)).hit).toBe(false);
  });

  it("drops the headers of one exchange (cookies, request id, length)", async () => {
    const kept = await text(200, "x", { "set-cookie": "a=b", "x-request-id": "r1", "content-length": "1", vary: "rsc" });
    const names = kept.headers.map(([name]) => name);
    expect(names).toContain("vary");
    expect(names).not.toContain("set-cookie");
    expect(names).not.toContain("x-request-id");
    expect(names).not.toContain("content-length");
  });
});

describe("gzip", () => {
  const page = "<main>" + "<p>Interkommunalt samarbeid i Hallingdal</p>".repeat(100) + "</main>";

  it("a kept text answer of some size gets a gzip copy made once; small or binary ones do not", async () => {
    const kept = await text(200, page);
    expect(kept.gzipped).toBeDefined();
    expect(kept.gzipped!.byteLength).toBeLessThan(kept.body.byteLength / 4);
    expect(gunzipSync(kept.gzipped!).toString("utf8")).toBe(page);
    expect(brotliDecompressSync(kept.brotli!).toString("utf8")).toBe(page);
    expect(kept.brotli!.byteLength).toBeLessThan(kept.body.byteLength / 4);
    expect((await text(200, "<p>kort</p>")).gzipped).toBeUndefined();
    expect((await text(200, "<p>kort</p>")).brotli).toBeUndefined();
    const xlsx = await keepable(new Response(new Uint8Array(4096), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } }));
    expect(xlsx.gzipped).toBeUndefined();
    expect(xlsx.brotli).toBeUndefined();
    const json = await keepable(new Response(JSON.stringify({ rader: Array.from({ length: 200 }, (_, i) => ({ i })) }), { headers: { "content-type": "application/json; charset=utf-8" } }));
    expect(json.gzipped).toBeDefined();
  });

  it("goes to a client that accepts it; the plain body to one that does not; both vary by Accept-Encoding", async () => {
    const kept = await text(200, page, { vary: "rsc" });
    const zipped = replyFrom(kept, {}, { encoding: "gzip" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toBe("rsc, Accept-Encoding");
    expect(gunzipSync(zipped.body!).toString("utf8")).toBe(page);
    const brotli = replyFrom(kept, {}, { encoding: "br" });
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("vary")).toBe("rsc, Accept-Encoding");
    expect(brotliDecompressSync(brotli.body!).toString("utf8")).toBe(page);
    const plain = replyFrom(kept, {}, { encoding: null });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("rsc, Accept-Encoding");
    expect(new TextDecoder().decode(plain.body!)).toBe(page);
    // The proxy's Response is always plain (Next.js drops a proxy's Content-Encoding).
    expect(await answerFrom(kept).text()).toBe(page);
  });

  it("reads Accept-Encoding as RFC 9110 says", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
    expect(codingWeight("br;q=0.5, gzip", "br")).toBe(0.5);
    expect(codingWeight("gzip", "br")).toBe(0);
  });

  it("sends Brotli where the browser takes it (every current browser does), gzip where only gzip is taken, the plain body otherwise", async () => {
    const kept = await text(200, page);
    expect(chooseEncoding("gzip, deflate, br, zstd", kept)).toBe("br");
    expect(chooseEncoding("gzip, deflate", kept)).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip", kept)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0", kept)).toBeNull();
    expect(chooseEncoding("*", kept)).toBe("br");
    expect(chooseEncoding("identity", kept)).toBeNull();
    expect(chooseEncoding(null, kept)).toBeNull();
    // No copies (a small answer): always the plain body.
    expect(chooseEncoding("br, gzip", await text(200, "<p>kort</p>"))).toBeNull();
  });
});

describe("keptKind", () => {
  const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "sec-fetch-dest": "document" };
  const request = (url: string, headers: Record<string, string> = {}, cookies: string[] = [], method = "GET") => ({
    method,
    url: `http://localhost${url}`,
    headers: new Headers({ ...BROWSER, ...headers }),
    cookies: { has: (name: string) => cookies.includes(name) },
  });

  it("public pages for anonymous visitors, open data for everybody", () => {
    expect(keptKind(request("/"))).toBe("page");
    expect(keptKind(request("/ordninger?sok=%C3%85l"))).toBe("page");
    expect(keptKind(request("/ordninger/ikt-hallingdal"))).toBe("page");
    expect(keptKind(request("/kommuner/3328"))).toBe("page");
    expect(keptKind(request("/statistikk/fylkesgrenser"))).toBe("page");
    expect(keptKind(request("/api/v1/ordninger?kommune=3328"))).toBe("data");
    expect(keptKind(request("/api/v1/statistikk", {}, ["next-auth.session-token"]))).toBe("data");
    expect(keptKind(request("/apne-data/samarbeidsordninger.csv"))).toBe("data");
  });

  it("never a logged-in page, a navigation, a prefetch, a write, an editing page or the fill itself", () => {
    expect(keptKind(request("/", {}, ["next-auth.session-token"]))).toBeNull();
    expect(keptKind(request("/", {}, ["__Secure-next-auth.session-token.0"]))).toBeNull();
    expect(keptKind(request("/kart", { rsc: "1" }))).toBeNull();
    expect(keptKind(request("/kart?_rsc=abc"))).toBeNull();
    expect(keptKind(request("/kart", { "next-router-prefetch": "1" }))).toBeNull();
    // Next's client navigations are fetch() calls: the browser's default Accept, Sec-Fetch-Dest empty.
    expect(keptKind(request("/kart", { accept: "*/*", "sec-fetch-dest": "empty" }))).toBeNull();
    expect(keptKind(request("/kart", { "sec-fetch-dest": "empty" }))).toBeNull();
    expect(keptKind(request("/kart", { accept: "*/*" }))).toBeNull();
    // The open data is kept whatever the client asks for.
    expect(keptKind(request("/api/v1/statistikk", { accept: "*/*", "sec-fetch-dest": "empty" }))).toBe("data");
    expect(keptKind(request("/", { "next-action": "abc" }, [], "POST"))).toBeNull();
    expect(keptKind(request("/", {}, [], "HEAD"))).toBeNull();
    expect(keptKind(request("/ordninger/ny"))).toBeNull();
    expect(keptKind(request("/ordninger/ikt-hallingdal/rediger"))).toBeNull();
    expect(keptKind(request("/mine-forslag"))).toBeNull();
    expect(keptKind(request("/logg-inn"))).toBeNull();
    const token = (globalThis as unknown as { samarbeidFillToken: string }).samarbeidFillToken;
    expect(keptKind(request("/", { [FILL_HEADER]: token }))).toBeNull();
    // A guessed token is just another anonymous visitor.
    expect(keptKind(request("/", { [FILL_HEADER]: "gjetning" }))).toBe("page");
  });

  it("nothing when the memory is turned off", () => {
    process.env.RESPONSE_CACHE = "off";
    expect(keptKind(request("/"))).toBeNull();
    expect(keptKind(request("/api/v1/statistikk"))).toBeNull();
  });
});
