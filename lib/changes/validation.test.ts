import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, isValidOrgNr, optionalText, orgNr, requiredDate, requiredText } from "./validation";

describe("validation building blocks", () => {
  it("checks organisation numbers with modulus 11", () => {
    expect(isValidOrgNr("974760673")).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNr("974760674")).toBe(false);
    expect(isValidOrgNr("12345678")).toBe(false);
    expect(orgNr.safeParse("974 760 673").data).toBe("974760673");
    expect(orgNr.safeParse("").data).toBeNull();
    expect(orgNr.safeParse("abc").success).toBe(false);
  });

  it("rejects NUL and other control characters as a field error, but keeps line breaks and tabs", () => {
    const schema = z.object({ name: requiredText("Navnet", 100), notes: optionalText("Merknaden", 100) });
    const result = schema.safeParse({ name: "Ål\u0000 IKS", notes: "linje\u0007" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      name: ["Navnet kan ikke inneholde kontrolltegn (usynlige tegn som NUL). Skriv eller lim inn teksten på nytt."],
      notes: ["Merknaden kan ikke inneholde kontrolltegn (usynlige tegn som NUL). Skriv eller lim inn teksten på nytt."],
    });
    expect(schema.safeParse({ name: "Nore og Uvdal", notes: "første linje\r\nandre\tlinje" }).success).toBe(true);
  });

  it("rejects markup, oversized text and impossible dates with Norwegian messages", () => {
    const schema = z.object({ name: requiredText("Navnet", 10), date: requiredDate("Datoen") });
    const result = schema.safeParse({ name: "<script>", date: "2021-02-30" });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors.name).toEqual(["Navnet kan ikke inneholde tegnene < og >."]);
    expect(errors.date).toEqual(["Datoen er ikke en gyldig dato."]);
    expect(fieldErrors(schema.safeParse({ name: "x".repeat(11), date: "3000-01-01" }).error!)).toEqual({
      name: ["Navnet kan ha høyst 10 tegn."],
      date: ["Datoen må være mellom 1800 og 2100."],
    });
    expect(fieldErrors(schema.safeParse({ name: 42, date: 7 }).error!).name).toEqual(["Navnet må fylles ut."]);
  });
});

describe("number fields", () => {
  it("record staffing accepts «2,5» and «2.5» as 2.5, and refuses other text in Norwegian", async () => {
    const { recordStaffing } = await import("./arrangements");
    const base = { arrangementId: "1", baseVersion: "1", year: "2025", source: "" };
    const fteOf = (fte: unknown) => recordStaffing.schema.safeParse({ ...base, fte });
    expect(fteOf("2,5").success).toBe(true);
    expect(fteOf("2.5").success).toBe(true);
    expect(fteOf("1 000,25").success).toBe(true);
    expect(fieldErrors(fteOf("2,5,1").error!).fte).toEqual(["Årsverk må være et tall, for eksempel 4,5."]);
    expect(fieldErrors(fteOf("").error!).fte).toEqual(["Årsverk må være et tall, for eksempel 4,5."]);
    expect(fieldErrors(fteOf("2,555").error!).fte).toEqual(["Årsverk kan ha høyst to desimaler."]);
    expect(fieldErrors(fteOf("-1,5").error!).fte).toEqual(["Årsverk kan ikke være negativt."]);
  });
});
