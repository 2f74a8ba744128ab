import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { MUTATIONS } from "./index";

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

async function sql(statement: string) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe("optimistic concurrency", () => {
  it("of two editors saving at once from the same version, exactly one wins and the other gets a conflict", async () => {
    const target = await t.arrangement("ikt-hallingdal");
    const admin2 = { ...t.admin };
    const results = await Promise.all([
      MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, description: "Rådgiverens tekst" }),
      MUTATIONS.updateArrangement(admin2, { arrangementId: target.id, baseVersion: target.version, description: "Administratorens tekst" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, kind: "conflict" });
    expect(loser.message).toMatch(/endret av noen andre/);
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.version).toBe(target.version + 1);
    expect(await prisma.auditEvent.count({ where: { arrangementId: target.id } })).toBe(1);
  });

  it("a stale form is refused, not silently applied", async () => {
    const target = await t.arrangement("hallinghelse");
    expect(await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, notes: "Første" })).toMatchObject({ ok: true });
    expect(await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, notes: "Andre" })).toMatchObject({ ok: false, kind: "conflict" });
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).notes).toBe("Første");
  });

  it("a proposal based on an old version is re-based silently when its fields were not touched", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const proposal = await MUTATIONS.updateArrangement(t.alEditor, { arrangementId: target.id, baseVersion: target.version, description: "Legevakt for Ål og Hol" });
    expect(proposal).toMatchObject({ ok: true, outcome: "proposed" });
    if (!proposal.ok) return;
    expect(await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, notes: "Endret av rådgiver i mellomtiden" })).toMatchObject({ ok: true });
    const rebased = await prisma.changeRequest.findUniqueOrThrow({ where: { id: proposal.changeRequestId! } });
    expect(rebased).toMatchObject({ status: "PENDING", baseVersion: target.version + 1, conflictFields: [] });

    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: proposal.changeRequestId })).toMatchObject({ ok: true });
    // Both changes survive: the adviser's note and the proposal's description.
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ notes: "Endret av rådgiver i mellomtiden", description: "Legevakt for Ål og Hol", version: target.version + 2 });
  });
});

describe("transaction atomicity", () => {
  it("a failure after the data change leaves no change, no audit row and the proposal pending", async () => {
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const gol = await t.municipality("gol");
    const proposal = await MUTATIONS.addParticipant(t.alEditor, { arrangementId: target.id, baseVersion: target.version, municipalityId: gol });
    expect(proposal).toMatchObject({ ok: true, outcome: "proposed" });
    if (!proposal.ok) return;
    const auditsBefore = await prisma.auditEvent.count();
    // Simulate a crash between the data change and the audit entry: the audit insert fails.
    await sql(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulert krasj'; END $$;
               CREATE TRIGGER fail_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION fail_audit();`);
    try {
      const approve = await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: proposal.changeRequestId });
      expect(approve).toMatchObject({ ok: false, kind: "error", message: "Noe gikk galt, og ingenting ble lagret. Prøv igjen om litt." });
      const direct = await MUTATIONS.setHost(t.adviser, { arrangementId: target.id, baseVersion: target.version, hostMunicipalityId: await t.municipality("hol") });
      expect(direct).toMatchObject({ ok: false, kind: "error" });
    } finally {
      await sql(`DROP TRIGGER fail_audit ON "AuditEvent"; DROP FUNCTION fail_audit();`);
    }
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.version).toBe(target.version);
    expect(after.hostMunicipalityId).toBe((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).hostMunicipalityId);
    expect(await prisma.participation.count({ where: { arrangementId: target.id, municipalityId: gol } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(auditsBefore);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: proposal.changeRequestId! } })).status).toBe("PENDING");
    // And once the fault is gone the same approval goes through.
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: proposal.changeRequestId })).toMatchObject({ ok: true });
    expect(await prisma.participation.count({ where: { arrangementId: target.id, municipalityId: gol } })).toBe(1);
  });
});
