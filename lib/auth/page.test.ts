import { afterEach, describe, expect, it } from "vitest";
import { landingPath, loginPath, safeReturnPath } from "./page";

describe("safeReturnPath", () => {
  const original = process.env.NEXTAUTH_URL;
  afterEach(() => {
    if (original === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = original;
  });

  it("follows only local paths", () => {
    expect(safeReturnPath("/mine-forslag")).toBe("/mine-forslag");
    expect(safeReturnPath("/ordninger/ovre-hallingdal-legevakt/rediger")).toBe("/ordninger/ovre-hallingdal-legevakt/rediger");
    expect(safeReturnPath("/sok?q=legevakt")).toBe("/sok?q=legevakt");
    expect(safeReturnPath("https://evil.example/x")).toBe("/");
    expect(safeReturnPath("//evil.example/x")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath("")).toBe("/");
  });

  it("refuses the tricks that lead off the site", () => {
    for (const trick of ["/\\evil.example", "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)", "http:evil.example", " //evil.example", "https://lokal.evil/x", "data:text/html,x"]) {
      const result = safeReturnPath(trick, "/");
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      expect(new URL(result, "https://samarbeid.example.no").origin).toBe("https://samarbeid.example.no");
    }
  });

  it("accepts absolute URLs on the site's own origin, reduced to path and query", () => {
    process.env.NEXTAUTH_URL = "https://samarbeid.example.no";
    expect(safeReturnPath("https://samarbeid.example.no/ordninger/x/rediger?a=1#top")).toBe("/ordninger/x/rediger?a=1");
    expect(safeReturnPath("https://samarbeid.example.no.evil.example/x")).toBe("/");
  });

  it("never returns to the login or logout page", () => {
    expect(safeReturnPath("/logg-inn?callbackUrl=%2Fadmin", "")).toBe("");
    expect(safeReturnPath("/logg-ut", "")).toBe("");
    expect(safeReturnPath("/api/auth/signout", "")).toBe("");
    expect(safeReturnPath("/logg-innlegg", "")).toBe("/logg-innlegg");
  });
});

describe("landingPath and loginPath", () => {
  it("sends editors to their proposals and the others to the queue", () => {
    expect(landingPath("KOMMUNE")).toBe("/mine-forslag");
    expect(landingPath("STATSFORVALTER")).toBe("/endringsforslag");
    expect(landingPath("ADMIN")).toBe("/endringsforslag");
  });
  it("encodes the return path", () => {
    expect(loginPath("/ordninger/a/rediger?x=1&y=2")).toBe("/logg-inn?callbackUrl=%2Fordninger%2Fa%2Frediger%3Fx%3D1%26y%3D2");
  });
});
