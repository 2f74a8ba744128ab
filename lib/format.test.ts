import { describe, expect, it } from "vitest";
import { formatNumber, parseNorwegianNumber } from "./format";

describe("parseNorwegianNumber", () => {
  it("accepts a decimal comma and a decimal point", () => {
    expect(parseNorwegianNumber("2,5")).toBe(2.5);
    expect(parseNorwegianNumber("2.5")).toBe(2.5);
    expect(parseNorwegianNumber(" 4,25 ")).toBe(4.25);
    expect(parseNorwegianNumber("0,5")).toBe(0.5);
    expect(parseNorwegianNumber(",5")).toBe(0.5);
    expect(parseNorwegianNumber("3")).toBe(3);
  });

  it("accepts spaces (also no-break spaces) as thousands separators and a typographic minus", () => {
    expect(parseNorwegianNumber("101 859")).toBe(101859);
    expect(parseNorwegianNumber("101\u00a0859,5")).toBe(101859.5);
    expect(parseNorwegianNumber("101\u202f859")).toBe(101859);
    expect(parseNorwegianNumber("\u22122,5")).toBe(-2.5);
    expect(parseNorwegianNumber("-2,5")).toBe(-2.5);
  });

  it("refuses what it would have to guess at", () => {
    for (const text of ["", " ", "2,5,1", "1.000,5", "1,000.5", "2,", "abc", "2,5 årsverk", "1e3", "Infinity", "NaN", "0x10"]) {
      expect(parseNorwegianNumber(text), text).toBeNaN();
    }
  });
});

describe("formatNumber", () => {
  it("shows the decimals a value has, with a comma", () => {
    expect(formatNumber(2.5)).toBe("2,5");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(2.25)).toBe("2,25");
  });
});

describe("Norwegian dates", () => {
  it("shows calendar days as 30.11.2026", async () => {
    const { formatShortDate, formatDay, formatDateTime, withNorwegianDates } = await import("./format");
    expect(formatShortDate("2026-11-30")).toBe("30.11.2026");
    expect(formatShortDate(new Date("2026-11-30T00:00:00Z"))).toBe("30.11.2026");
    // 23:30 UTC on 30 November is 1 December in Norway.
    expect(formatDay(new Date("2026-11-30T23:30:00Z"))).toBe("01.12.2026");
    expect(formatDateTime(new Date("2026-06-30T12:05:00Z"))).toBe("30.06.2026 kl. 14:05");
    expect(withNorwegianDates("medlem, fra 2020-01-01, gikk ut 2026-11-30")).toBe("medlem, fra 01.01.2020, gikk ut 30.11.2026");
    expect(withNorwegianDates(null)).toBeNull();
  });
});
