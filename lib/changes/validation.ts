import { z } from "zod";
import "@/lib/zod-locale";
import { parseNorwegianNumber } from "@/lib/format";

/** zod building blocks with Norwegian messages, shared by every mutation's schema. */
const MAX_INT = 2_147_483_647;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

export const noMarkup = (value: string) => !/[<>]/.test(value);
/** Control characters (NUL among them) are never text anyone typed; tab and line breaks are. */
export const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);
const controlMessage = (label: string) => `${label} kan ikke inneholde kontrolltegn (usynlige tegn som NUL). Skriv eller lim inn teksten på nytt.`;

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} må fylles ut.` })
    .trim()
    .min(1, { error: `${label} må fylles ut.` })
    .max(max, { error: `${label} kan ha høyst ${max} tegn.` })
    .refine(noControlCharacters, { error: controlMessage(label) })
    .refine(noMarkup, { error: `${label} kan ikke inneholde tegnene < og >.` });
}

export function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (blank(v) ? null : v),
    z
      .string({ error: `${label} må være tekst.` })
      .trim()
      .max(max, { error: `${label} kan ha høyst ${max} tegn.` })
      .refine(noControlCharacters, { error: controlMessage(label) })
      .refine(noMarkup, { error: `${label} kan ikke inneholde tegnene < og >.` })
      .nullable(),
  );
}

export function id(message: string) {
  return z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_INT, { error: message });
}

export function optionalId(message: string) {
  return z.preprocess((v) => (blank(v) ? null : v), id(message).nullable());
}

export function idList(message: string, max = 500) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => !blank(x)) : [v]), z.array(id(message)).max(max, { error: message }));
}

const DATE_MIN = "1800-01-01";
const DATE_MAX = "2100-12-31";

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function requiredDate(label: string) {
  return z
    .string({ error: `${label} må fylles ut.` })
    .trim()
    .min(1, { error: `${label} må fylles ut.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} må skrives som åååå-mm-dd.` })
    .refine(isRealDate, { error: `${label} er ikke en gyldig dato.` })
    .refine((v) => v >= DATE_MIN && v <= DATE_MAX, { error: `${label} må være mellom 1800 og 2100.` });
}

export function optionalDate(label: string) {
  return z.preprocess((v) => (blank(v) ? null : v), requiredDate(label).nullable());
}

export function year(label: string, min: number, max: number) {
  const message = `${label} må være et årstall mellom ${min} og ${max}.`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export function optionalYear(label: string, min: number, max: number) {
  return z.preprocess((v) => (blank(v) ? null : v), year(label, min, max).nullable());
}

/**
 * Preprocess for number fields typed by a person: «2,5» and «2.5» both become 2.5 (parseNorwegianNumber);
 * other strings become NaN, which z.number refuses with the field's own message. Numbers pass through.
 */
export const fromNorwegianNumber = (v: unknown) => (typeof v === "string" ? parseNorwegianNumber(v) : v);

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** Norwegian organisation number: 9 digits, the last a modulus-11 check digit (weights 3 2 7 6 5 4 3 2). */
export function isValidOrgNr(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(value[8]);
}

export const orgNr = z.preprocess(
  (v) => (blank(v) ? null : typeof v === "string" ? v.replace(/\s+/g, "") : v),
  z
    .string({ error: "Organisasjonsnummeret må være 9 siffer." })
    .regex(/^\d{9}$/, { error: "Organisasjonsnummeret må være 9 siffer." })
    .refine(isValidOrgNr, { error: "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)." })
    .nullable(),
);

/** Field errors from a zod error, in the `{ field: [messages] }` shape useActionState forms read. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
