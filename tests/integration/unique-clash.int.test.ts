import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUTATIONS } from "@/lib/changes";
import { UNIQUE_MESSAGES, uniqueClash } from "@/lib/changes/mutation";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";

/**
 * Two simultaneous creates of the same thing: each passes its own "does it exist?" check before
 * the other commits, and the database's unique key decides. The loser gets the same Norwegian
 * field message as the check gives («finnes allerede»), never «Noe gikk galt», and nothing of it
 * is stored.
 */
let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("unique clashes under concurrency", () => {
  it("two admins creating the same e-mail at once: one user, one «finnes allerede»", async () => {
    const input = { email: "samtidig@kommune.no", name: "Samtidig", role: "STATSFORVALTER", municipalityIds: [], password: "et-langt-og-godt-passord" };
    const results = await Promise.all(Array.from({ length: 4 }, () => MUTATIONS.createUser(t.admin, input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ ok: false, kind: "validation", errors: { email: [UNIQUE_MESSAGES.email] } });
    expect(await prisma.user.count({ where: { email: "samtidig@kommune.no" } })).toBe(1);
  });

  it("maps a unique violation to a field, and anything else to null", () => {
    expect(uniqueClash({ code: "P2002", meta: { target: ["email"] } })).toEqual({ email: [UNIQUE_MESSAGES.email] });
    expect(uniqueClash({ code: "P2002", meta: { modelName: "Arrangement", target: ["slug"] } })).toEqual({ name: [UNIQUE_MESSAGES.name] });
    expect(uniqueClash(new Error("connection reset"))).toBeNull();
    expect(uniqueClash(null)).toBeNull();
  });

  it("two simultaneous new arrangements with the same name never answer «Noe gikk galt»", async () => {
    const sectorId = String((await prisma.sector.findFirstOrThrow()).id);
    const participantIds = [String(await t.municipality("al")), String(await t.municipality("hol"))];
    const results = await Promise.all(Array.from({ length: 4 }, () => MUTATIONS.createArrangement(t.adviser, { name: "Felles innkjøp Hallingdal", sectorId, participantIds })));
    expect(results.some((r) => r.ok)).toBe(true);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ ok: false, kind: "validation", errors: { name: [UNIQUE_MESSAGES.name] } });
    const stored = await prisma.arrangement.count({ where: { name: "Felles innkjøp Hallingdal" } });
    expect(stored).toBe(results.filter((r) => r.ok).length);
  });
});

describe("control characters in text fields", () => {
  it("a NUL in a text field is a Norwegian field error and changes nothing", async () => {
    const target = await t.arrangement("ika-kongsberg");
    const result = await MUTATIONS.updateArrangement(t.adviser, { arrangementId: String(target.id), baseVersion: String(target.version), notes: "Merknad\u0000med NUL" });
    expect(result).toMatchObject({ ok: false, kind: "validation", errors: { notes: [expect.stringContaining("kontrolltegn")] } });
    expect((await t.arrangement("ika-kongsberg")).version).toBe(target.version);
    const user = await MUTATIONS.createUser(t.admin, { email: "nul\u0000@kommune.no", name: "Nul", role: "STATSFORVALTER", municipalityIds: [], password: "et-langt-og-godt-passord" });
    expect(user).toMatchObject({ ok: false, kind: "validation", errors: { email: [expect.stringContaining("kontrolltegn")] } });
  });
});
