import { z } from "zod";
import { formatNumber } from "@/lib/format";

/**
 * zod's fallback messages in plain bokmål, for the checks that carry no message of their own. Our
 * schemas give every field its own message (lib/changes/validation.ts); this is the safety net so an
 * English «Invalid input: expected nonoptional, received undefined» never reaches a person.
 *
 * zod ships a Norwegian locale (`z.locales.no()`), but its messages name zod's types in English
 * («Ugyldig input: forventet string, fikk undefined»). The map below answers every issue code zod 4
 * has in words a user understands; zod's own Norwegian locale remains the fallback for any code a
 * later zod version adds. Configured globally (zod keeps its config on globalThis) the first time
 * this module is imported: lib/changes/validation.ts and the query parsers import it.
 */
type Issue = z.core.$ZodRawIssue;

const zodNorwegian = z.locales.no().localeError;

const isEmpty = (input: unknown) => input === undefined || input === null || (typeof input === "string" && input.trim() === "");
const show = (value: unknown) => (typeof value === "number" ? formatNumber(value, 4) : typeof value === "bigint" ? formatNumber(Number(value), 0) : String(value));

function invalidType(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (isEmpty(issue.input) || issue.expected === "nonoptional") return "Feltet må fylles ut.";
  switch (issue.expected) {
    case "number":
    case "bigint":
      return "Skriv et tall, for eksempel 4,5.";
    case "int":
      return "Skriv et helt tall.";
    case "string":
      return "Skriv inn tekst.";
    case "boolean":
      return "Velg ja eller nei.";
    case "date":
      return "Skriv en gyldig dato.";
    case "array":
    case "set":
      return "Velg fra listen.";
    case "object":
    case "record":
    case "map":
      return "Skjemaet kom ikke fram riktig. Last siden på nytt og prøv igjen.";
    default:
      return "Verdien er ugyldig.";
  }
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const max = show(issue.maximum);
  switch (issue.origin) {
    case "string":
      return `Teksten kan ha høyst ${max} tegn.`;
    case "array":
    case "set":
      return `Du kan velge høyst ${max}.`;
    case "date":
      return "Datoen er for sen.";
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive === false ? `Tallet må være under ${max}.` : `Tallet kan være høyst ${max}.`;
    default:
      return "Verdien er for stor.";
  }
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = show(issue.minimum);
  switch (issue.origin) {
    case "string":
      return Number(issue.minimum) <= 1 ? "Feltet må fylles ut." : `Teksten må ha minst ${min} tegn.`;
    case "array":
    case "set":
      return Number(issue.minimum) <= 1 ? "Velg minst ett alternativ." : `Velg minst ${min}.`;
    case "date":
      return "Datoen er for tidlig.";
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive === false ? `Tallet må være over ${min}.` : `Tallet må være minst ${min}.`;
    default:
      return "Verdien er for liten.";
  }
}

function invalidFormat(issue: Extract<Issue, { code: "invalid_format" }>): string {
  switch (issue.format) {
    case "email":
      return "Skriv en gyldig e-postadresse.";
    case "url":
      return "Skriv en gyldig nettadresse.";
    case "date":
    case "datetime":
      return "Skriv en gyldig dato.";
    default:
      return "Verdien har feil format.";
  }
}

/** The Norwegian message for one zod issue (exported for the tests). */
export function norwegianMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return invalidFormat(issue);
    case "invalid_value":
      return isEmpty(issue.input) ? "Feltet må fylles ut." : "Velg et av alternativene i listen.";
    case "not_multiple_of":
      return `Tallet må gå opp i ${show(issue.divisor)}.`;
    case "unrecognized_keys":
      return "Skjemaet har felt vi ikke kjenner. Last siden på nytt og prøv igjen.";
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return "Verdien er ugyldig.";
    default: {
      const fallback = zodNorwegian(issue as never);
      return typeof fallback === "string" ? fallback : (fallback?.message ?? "Verdien er ugyldig.");
    }
  }
}

z.config({ localeError: (issue) => norwegianMessage(issue as Issue) });
