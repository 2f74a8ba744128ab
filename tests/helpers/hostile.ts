import fc from "fast-check";

/** Names the registry must take as they are (issue #14): spaces, Norwegian letters, hyphens. */
export const NORWEGIAN_NAMES = ["Nore og Uvdal", "Ål", "Øvre Eiker", "Sigdal", "Flå", "Lier", "Hol", "Modum", "Kongsberg", "Ringerike"];

/** Hand-picked hostile text: markup, SQL, formulas, broken escapes, control characters, direction marks, huge. */
export const HOSTILE_TEXT = [
  "",
  " ",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '\'; DROP TABLE "User"; --',
  "1 OR 1=1",
  "' OR ''='",
  "\\x00",
  "a\u0000b",
  "\u0000",
  "\u0007\u001b[31m",
  "\u202eevil",
  "=cmd|' /C calc'!A0",
  "Revisjon,=cmd|' /C calc'!A0,x",
  "%E0%A4%A",
  "%00",
  "../../etc/passwd",
  "🙂👍🏽",
  "-1",
  "0",
  "1e309",
  "NaN",
  "9999999999999999999999",
  "2021-02-30",
  "31.12.2021",
  "null",
  "undefined",
  "true",
  "x".repeat(70_000),
  "Å".repeat(5_000),
  ...NORWEGIAN_NAMES,
];

/** Text a form field can carry: hostile picks, arbitrary unicode and control characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2_000_000_000 }).map(String) },
);

/** Any JSON-ish value, wrong types included (what a forged call can send to a mutation function). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], {}, [1, 2], { toString: "x" }, ["Ål", "<b>"]) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 4 }) },
);
