import { describe, expect, it } from "vitest";
import { decodePathSegment, isWellFormedPath } from "./path-segment";

describe("decodePathSegment", () => {
  it("decodes escapes and keeps malformed ones as typed instead of throwing", () => {
    expect(decodePathSegment("%C3%85l")).toBe("Ål");
    expect(decodePathSegment("nore-og-uvdal")).toBe("nore-og-uvdal");
    expect(decodePathSegment("%E0%A4%A")).toBe("%E0%A4%A");
    expect(decodePathSegment("100%")).toBe("100%");
  });
});

describe("isWellFormedPath", () => {
  it("accepts encoded Norwegian letters and refuses a broken escape", () => {
    expect(isWellFormedPath("/kommuner/%C3%85l")).toBe(true);
    expect(isWellFormedPath("/kommuner/%E0%A4%A")).toBe(false);
    expect(isWellFormedPath("/api/v1/ordninger/100%")).toBe(false);
  });
});
