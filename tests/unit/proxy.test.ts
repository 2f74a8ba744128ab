import { type NextFetchEvent, NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { guardServerAction } from "@/lib/http/server-action-guard";
import proxy from "@/proxy";

const event = { waitUntil() {} } as unknown as NextFetchEvent;
const call = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost${path}`, { headers }), event);

describe("proxy.ts (issue #14)", () => {
  it("answers a malformed percent escape in an API path with a Norwegian 400, not Next's 500", async () => {
    const response = (await call("/api/v1/kommuner/%E0%A4%A"))!;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ feil: "Ugyldig adresse: adressen inneholder en ødelagt %-koding." });
  });

  it("rewrites a malformed escape in a page path to the 404 page", async () => {
    const response = (await call("/kommuner/%E0%A4%A"))!;
    expect(response.headers.get("x-middleware-rewrite")).toMatch(/\/_ikke-funnet$/);
  });

  it("gives every answer a request id: the proxy's own when sane, else a new one, also on the forwarded request", async () => {
    const kept = (await call("/api/health", { "x-request-id": "lb-1234.abc_DEF" }))!;
    expect(kept.headers.get("x-request-id")).toBe("lb-1234.abc_DEF");
    expect(kept.headers.get("x-middleware-request-x-request-id")).toBe("lb-1234.abc_DEF");
    const replaced = (await call("/api/health", { "x-request-id": 'x"; DROP TABLE\n' }))!;
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = (await call("/api/v1/kommuner"))!;
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("passes the requested path and query on to the page (the 403 page tells its reason from it), replacing the client's own", async () => {
    const response = (await call("/kommuner/3328/import?x=1", { "x-samarbeid-path": "/admin" }))!;
    expect(response.headers.get("x-middleware-request-x-samarbeid-path")).toBe("/kommuner/3328/import?x=1");
  });

  it("sends an anonymous visitor of a login page to /logg-inn, with a request id", async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret";
    const response = (await call("/admin"))!;
    expect(response.headers.get("location")).toContain("/logg-inn?callbackUrl=%2Fadmin");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("server actions refused before Next.js (issue #14)", () => {
  const action = (headers: Record<string, string>) =>
    guardServerAction(new Request("http://localhost/ordninger/ny", { method: "POST", headers: { "next-action": "abc", host: "localhost", ...headers } }));

  it("a foreign Origin is a Norwegian 403", async () => {
    const refused = (await action({ origin: "https://angriper.example" }))!;
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("annet opphav");
    expect((await action({ origin: "null" }))!.status).toBe(403);
  });

  it("the site's own Origin (also behind a proxy's x-forwarded-host) passes", async () => {
    expect(await action({ origin: "http://localhost" })).toBeNull();
    expect(await action({ origin: "https://samarbeid.example", "x-forwarded-host": "samarbeid.example" })).toBeNull();
    expect(await action({})).toBeNull();
  });

  it("a body over 12 MB is a Norwegian 413", async () => {
    const refused = (await action({ origin: "http://localhost", "content-length": String(13 * 1024 * 1024) }))!;
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("for stor");
  });

  it("a chunked body (no Content-Length) is counted: 12 MB or more is a Norwegian 413, a small one passes", async () => {
    const streamed = (megabytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < megabytes * 4; i++) controller.enqueue(new Uint8Array(256 * 1024).fill(120));
          controller.close();
        },
      });
    const post = (megabytes: number) =>
      guardServerAction(
        new Request("http://localhost/ordninger/ny", { method: "POST", headers: { "next-action": "abc", host: "localhost" }, body: streamed(megabytes), duplex: "half" } as RequestInit),
      );
    const refused = (await post(13))!;
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("for stor");
    expect(await post(1)).toBeNull();
  });

  it("a payload Next cannot decode is a Norwegian 400; well-formed ones pass", async () => {
    const send = (type: string, body: BodyInit) =>
      guardServerAction(new Request("http://localhost/ordninger/ny", { method: "POST", headers: { "next-action": "abc", host: "localhost", "content-type": type }, body }));
    for (const [type, body] of [
      ["text/plain;charset=UTF-8", "{{{ikke json"],
      ["multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="1"\r\n\r\n{"id":\r\n--xyz--'],
      ["multipart/form-data; boundary=xyz", "ikke multipart"],
    ] as const) {
      const refused = (await send(type, body))!;
      expect(refused?.status, body).toBe(400);
      expect(await refused.text()).toContain("kunne ikke leses");
    }
    expect(await send("text/plain;charset=UTF-8", '["$K1",3]')).toBeNull();
    const form = new FormData();
    form.set("1_navn", "Nore og Uvdal {");
    form.set("0", '["$K1"]');
    form.set("$ACTION_1:0", '{"id":"abc","bound":"$@1"}');
    // A browser's FormData (the boundary as the browser chose it): user fields are prefixed, the numbered ones are JSON.
    const encoded = new Request("http://localhost/", { method: "POST", body: form });
    expect(await send(encoded.headers.get("content-type")!, await encoded.arrayBuffer())).toBeNull();
  });
});
