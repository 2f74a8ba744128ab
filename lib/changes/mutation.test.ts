import { describe, expect, it } from "vitest";
import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { ARRANGEMENT_OPERATIONS } from "./arrangements";
import { defineMutation, loadNothing, UNAUTHENTICATED } from "./mutation";
import { fail } from "./result";

const admin = { id: 1, name: "Admin", email: "admin@example.no", role: "ADMIN" as const, municipalityIds: [] };

const rename = defineMutation({
  schema: z.object({ userId: z.coerce.number({ error: "Ukjent bruker." }).int().positive({ error: "Ukjent bruker." }), name: z.string().min(1, { error: "Skriv et navn." }) }),
  invalid: (errors) => fail("validation", "Navnet mangler.", errors),
  load: loadNothing,
  authorize: (actor) => authorize(actor, "user.manage"),
  async apply(_tx, { input }) {
    // The input is typed from the schema: number and string, no casts.
    const userId: number = input.userId;
    const name: string = input.name;
    // @ts-expect-error a key the schema does not have is not on the input
    void input.email;
    return { result: { ok: true, outcome: "done", message: `Bruker ${userId} heter nå ${name}.`, userId } };
  },
});

describe("defineMutation", () => {
  it("refuses a logged-out actor before anything else", async () => {
    expect(await rename(null, { userId: "x" })).toEqual({ ok: false, kind: "unauthenticated", message: UNAUTHENTICATED });
  });

  it("answers the schema's Norwegian field errors, through `invalid` when given", async () => {
    expect(await rename(admin, { userId: "0", name: "" })).toEqual({
      ok: false,
      kind: "validation",
      message: "Navnet mangler.",
      errors: { userId: ["Ukjent bruker."], name: ["Skriv et navn."] },
    });
  });
});

describe("arrangement operations", () => {
  it("parse their input with their own schema and report Norwegian field errors", () => {
    const parsed = ARRANGEMENT_OPERATIONS.recordStaffing.schema.safeParse({ arrangementId: "7", baseVersion: "2", year: "1800", fte: "-1" });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toContain("fte: Årsverk kan ikke være negativt.");
    expect(messages?.some((m) => m.startsWith("year: Året må være et årstall"))).toBe(true);
  });
});
