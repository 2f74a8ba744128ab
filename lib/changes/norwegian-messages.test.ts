import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FILTER_KEYS, parseArrangementFilters } from "@/lib/arrangements/filters";
import { norwegianMessage } from "@/lib/zod-locale";
import { MUTATIONS } from "./index";

/**
 * No English may reach a field: every mutation's schema (and so every form and API that writes) is
 * run against inputs a person or a script could send, and every message must be bokmål.
 */
const ENGLISH =
  /\b(invalid|expected|received|input|required|must|should|string|number|integer|undefined|null|nonoptional|too (big|small)|greater|less|characters?|array|object|boolean|NaN|Infinity|instanceof|unrecognized|option)\b/i;

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  "",
  "   ",
  0,
  -1,
  42,
  2.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "NaN",
  "Infinity",
  "abc",
  "2,5,1",
  "-2147483649",
  "99999999999999999999",
  "9999-99-99",
  "30.11.2026",
  "x".repeat(10_000),
  "<b>fet</b>",
  "linje\u0000",
  true,
  false,
  {},
  { nested: 1 },
  [],
  ["abc"],
  ["-1", "0"],
  Array.from({ length: 600 }, (_, i) => String(i + 1)),
];

type Def = { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType; schema?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object shape under transforms, pipes and refinements: the field names a form sends. */
function fieldsOf(schema: z.ZodType): string[] {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === "object" && def.shape) return Object.keys(def.shape);
    current = def.in ?? def.innerType ?? def.schema;
  }
  return [];
}

function messagesOf(schema: z.ZodType, raw: unknown): string[] {
  const result = schema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("every validation message is Norwegian", () => {
  it("the English pattern catches zod's own defaults (so the test can fail)", () => {
    expect("Invalid input: expected nonoptional, received undefined").toMatch(ENGLISH);
    expect("Too small: expected string to have >=1 characters").toMatch(ENGLISH);
    expect("Ugyldig input: forventet string, fikk undefined").toMatch(ENGLISH);
    expect("Årsverk må være et tall, for eksempel 4,5.").not.toMatch(ENGLISH);
  });

  for (const [name, mutation] of Object.entries(MUTATIONS)) {
    it(`${name}: bad values in every field give bokmål messages`, () => {
      const fields = fieldsOf(mutation.schema);
      expect(fields.length, `${name} has an object schema`).toBeGreaterThan(0);
      const found = new Map<string, string>();
      const collect = (raw: unknown, where: string) => {
        for (const message of messagesOf(mutation.schema, raw)) {
          expect(message.trim(), `${where}: empty message`).not.toBe("");
          if (ENGLISH.test(message)) found.set(message, where);
        }
      };
      for (const raw of [undefined, null, "x", 42, [], {}]) collect(raw, `whole input ${JSON.stringify(raw)}`);
      for (const field of fields) {
        for (const value of BAD_VALUES) {
          collect({ [field]: value }, `${field}=${String(value).slice(0, 20)}`);
          collect(Object.fromEntries(fields.map((f) => [f, f === field ? value : ""])), `${field}=${String(value).slice(0, 20)} (others blank)`);
        }
      }
      expect([...found].map(([message, where]) => `${where}: ${message}`)).toEqual([]);
    });
  }

  it("public filter parameters answer in bokmål too", () => {
    const strings = BAD_VALUES.filter((v): v is string => typeof v === "string");
    for (const key of FILTER_KEYS) {
      for (const value of strings) {
        for (const raw of [{ [key]: value }, { [key]: [value, value] }]) {
          const result = parseArrangementFilters(raw);
          if (!result.ok) for (const issue of result.issues) expect(`${key}: ${issue.message}`).not.toMatch(ENGLISH);
        }
      }
    }
  });

  it("the fallback map has a Norwegian message for every issue code", () => {
    const issues = [
      { code: "invalid_type", expected: "number", input: "abc" },
      { code: "invalid_type", expected: "int", input: 2.5 },
      { code: "invalid_type", expected: "string", input: 4 },
      { code: "invalid_type", expected: "nonoptional", input: undefined },
      { code: "too_big", origin: "string", maximum: 200, inclusive: true, input: "" },
      { code: "too_big", origin: "number", maximum: 100_000, inclusive: false, input: 1 },
      { code: "too_small", origin: "array", minimum: 1, inclusive: true, input: [] },
      { code: "too_small", origin: "number", minimum: 0, inclusive: true, input: -1 },
      { code: "invalid_format", format: "email", input: "a" },
      { code: "invalid_format", format: "regex", pattern: /x/, input: "a" },
      { code: "invalid_value", values: ["A", "B"], input: "C" },
      { code: "not_multiple_of", divisor: 0.5, input: 1 },
      { code: "unrecognized_keys", keys: ["x"], input: {} },
      { code: "invalid_union", errors: [], input: 1 },
      { code: "invalid_key", origin: "map", issues: [], input: 1 },
      { code: "invalid_element", origin: "set", key: 1, issues: [], input: 1 },
      { code: "custom", input: 1 },
    ];
    for (const issue of issues) {
      const message = norwegianMessage(issue as never);
      expect(message, issue.code).not.toMatch(ENGLISH);
      expect(message, issue.code).toMatch(/\.$/);
    }
    expect(norwegianMessage({ code: "too_big", origin: "number", maximum: 100_000, inclusive: false, input: 1 } as never)).toBe("Tallet må være under 100\u00a0000.");
  });
});
