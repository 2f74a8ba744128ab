import { describe, expect, it } from "vitest";
import { normalizeSearchText, searchTerms } from "./normalize";

describe("normalizeSearchText", () => {
  it("folds Norwegian letters and case", () => {
    expect(normalizeSearchText("Ål")).toBe("al");
    expect(normalizeSearchText("Nore og Uvdal")).toBe("nore og uvdal");
    expect(normalizeSearchText("Øvre Eiker")).toBe("ovre eiker");
    expect(normalizeSearchText("Bærum")).toBe("baerum");
    expect(normalizeSearchText("Krødsherad")).toBe("krodsherad");
    expect(normalizeSearchText("Flå")).toBe("fla");
    expect(normalizeSearchText("Aal")).toBe("al");
  });
});

describe("searchTerms", () => {
  it("splits on punctuation and removes duplicates", () => {
    expect(searchTerms("K-IKT  k-ikt")).toEqual(["k", "ikt"]);
    expect(searchTerms("  ")).toEqual([]);
    expect(searchTerms("Ål; DROP TABLE")).toEqual(["al", "drop", "table"]);
  });
});
