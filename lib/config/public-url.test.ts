import { describe, expect, it } from "vitest";
import { publicBaseUrl, publicUrl } from "./public-url";

describe("publicBaseUrl", () => {
  it("prefers APP_URL, then NEXTAUTH_URL, then localhost with PORT", () => {
    expect(publicBaseUrl({ APP_URL: "https://samarbeid.sfov.no/", NEXTAUTH_URL: "https://annen.no" })).toBe("https://samarbeid.sfov.no");
    expect(publicBaseUrl({ NEXTAUTH_URL: "https://samarbeid.sfov.no" })).toBe("https://samarbeid.sfov.no");
    expect(publicBaseUrl({ PORT: "4100" })).toBe("http://localhost:4100");
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
  });

  it("keeps a path prefix and ignores values that are not http(s) URLs", () => {
    expect(publicBaseUrl({ APP_URL: "https://sfov.no/samarbeid/" })).toBe("https://sfov.no/samarbeid");
    expect(publicBaseUrl({ APP_URL: "javascript:alert(1)", NEXTAUTH_URL: "ikke en adresse" })).toBe("http://localhost:3000");
    expect(publicUrl("/ordninger/x", { APP_URL: "https://sfov.no" })).toBe("https://sfov.no/ordninger/x");
  });
});
