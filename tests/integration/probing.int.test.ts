import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MUTATIONS } from "@/lib/changes";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";

// Every call of the password hash is counted: refused requests must not reach it (it costs ~19 MiB and tens of ms).
const hashCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    hashPassword: (password: string) => {
      hashCalls.count++;
      return real.hashPassword(password);
    },
  };
});

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
let proposalId: number;
const MISSING = 99_999_999;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
  const target = await t.arrangement("ovre-hallingdal-legevakt");
  const proposed = await MUTATIONS.addParticipant(t.alEditor, {
    arrangementId: target.id,
    baseVersion: target.version,
    municipalityId: await t.municipality("hemsedal"),
    role: "MEMBER",
    joinedOn: "2025-01-01",
  });
  if (!proposed.ok || !proposed.changeRequestId) throw new Error("the proposal was not made");
  proposalId = proposed.changeRequestId;
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("proposal ids cannot be probed (issue #14)", () => {
  const attempts = {
    approve: (id: number) => MUTATIONS.approveChangeRequest(t.drammenEditor, { changeRequestId: id }),
    reject: (id: number) => MUTATIONS.rejectChangeRequest(t.drammenEditor, { changeRequestId: id, comment: "Nei." }),
    return: (id: number) => MUTATIONS.returnChangeRequest(t.drammenEditor, { changeRequestId: id, comment: "Tilbake." }),
    withdraw: (id: number) => MUTATIONS.withdrawChangeRequest(t.drammenEditor, { changeRequestId: id }),
    comment: (id: number) => MUTATIONS.commentOnChangeRequest(t.drammenEditor, { changeRequestId: id, comment: "Hei." }),
  };

  for (const [name, attempt] of Object.entries(attempts)) {
    it(`${name}: another municipality's proposal answers exactly like a missing id`, async () => {
      const existing = await attempt(proposalId);
      const missing = await attempt(MISSING);
      expect(existing).toEqual(missing);
      expect(missing).toMatchObject({ ok: false, kind: "not_found" });
    });
  }

  it("the proposer and the adviser still get the honest answers", async () => {
    expect(await MUTATIONS.approveChangeRequest(t.alEditor, { changeRequestId: proposalId })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await MUTATIONS.commentOnChangeRequest(t.alEditor, { changeRequestId: proposalId, comment: "Fra Ål." })).toMatchObject({ ok: true });
    expect(await MUTATIONS.withdrawChangeRequest(t.adviser, { changeRequestId: proposalId })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("PENDING");
  });
});

describe("passwords are hashed only after the permission check (issue #14)", () => {
  it("refused password changes never reach the hash", async () => {
    hashCalls.count = 0;
    const password = "et-langt-og-godt-passord-2026";
    expect(await MUTATIONS.changeOwnPassword(null, { currentPassword: "x", password, passwordRepeat: password })).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await MUTATIONS.setPasswordWithLink(null, { token: "ukjent-lenke", password, passwordRepeat: password })).toMatchObject({ ok: false });
    expect(await MUTATIONS.changeOwnPassword(t.alEditor, { currentPassword: "feil-passord-her", password, passwordRepeat: password })).toMatchObject({ ok: false, kind: "validation" });
    expect(hashCalls.count).toBe(0);
  });
});
