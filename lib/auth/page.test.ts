import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./page";

describe("safeReturnPath", () => {
  it("follows only local paths", () => {
    expect(safeReturnPath("/mine-forslag")).toBe("/mine-forslag");
    expect(safeReturnPath("https://evil.example/x")).toBe("/");
    expect(safeReturnPath("//evil.example/x")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});
