import { describe, expect, it } from "vitest";
import { effectiveDateAndStatus, filtersToSearchParams, parseArrangementFilters } from "./filters";

describe("parseArrangementFilters", () => {
  it("accepts repeated and comma-separated values and normalises codes", () => {
    const parsed = parseArrangementFilters(new URLSearchParams("kommune=3301,3303&kommune=al&sektor=health&form=iks&side=2&antall=50&skjul=kryss,form"));
    expect(parsed).toMatchObject({ ok: true, filters: { kommune: ["3301", "3303", "al"], sektor: ["HEALTH"], form: ["IKS"], side: 2, antall: 50, skjul: ["kryss", "form"] } });
  });

  it("ignores empty form fields and unknown parameters", () => {
    const parsed = parseArrangementFilters(new URLSearchParams("dato=&kryss=&status=&foo=bar"));
    expect(parsed).toMatchObject({ ok: true, filters: { dato: undefined, kryss: undefined, side: 1, antall: 25 } });
  });

  it.each(["antall=0", "antall=101", "side=-1", "dato=2021-13-01", "dato=i-går", "nivaa=alle", "sorter=x", "side=1&side=2", `sok=${"x".repeat(101)}`])(
    "rejects %s with a Norwegian message",
    (query) => {
      const parsed = parseArrangementFilters(new URLSearchParams(query));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^Ugyldige parametere – /);
    },
  );

  it("round-trips through the URL", () => {
    const parsed = parseArrangementFilters(new URLSearchParams("kommune=3301&sektor=fire&sok=brann&sorter=deltakere&retning=synkende&side=3"));
    if (!parsed.ok) throw new Error(parsed.message);
    const again = parseArrangementFilters(filtersToSearchParams(parsed.filters));
    expect(again).toEqual(parsed);
  });
});

describe("rules", () => {
  it("shows active arrangements when a date is given, everything otherwise", () => {
    expect(effectiveDateAndStatus({ dato: "2021-11-01" })).toEqual({ date: "2021-11-01", status: "aktive" });
    expect(effectiveDateAndStatus({}).status).toBe("alle");
  });
});
