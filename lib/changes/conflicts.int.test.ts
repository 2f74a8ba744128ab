import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { MUTATIONS } from "./index";
import { changeRequestView, proposalsFor, reviewQueue } from "./queries";
import { CONFLICT_ON_APPROVE } from "./review";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/**
 * Field-level three-way conflicts (docs/decisions/0044): approving one proposal only makes another
 * one a conflict when one of its own fields changed; the adviser resolves a real conflict per field;
 * proposer and adviser see the same status everywhere.
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

async function propose(mutation: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<number> {
  const result = await MUTATIONS[mutation](t.alEditor, input);
  if (!result.ok || !result.changeRequestId) throw new Error(`not proposed: ${result.message} ${JSON.stringify(result.ok ? {} : result.errors)}`);
  return result.changeRequestId;
}

async function mails(changeRequestId: number) {
  return (await prisma.outboxMail.findMany({ where: { changeRequestId }, orderBy: { id: "asc" } })).map((m) => [m.toAddress, m.kind]);
}

async function statusEverywhere(id: number) {
  const mine = (await proposalsFor(t.alEditor)).find((p) => p.id === id)?.shown;
  const queue = (await reviewQueue()).find((p) => p.id === id)?.shown;
  const page = (await changeRequestView(id))?.status;
  return { mine, queue, page };
}

describe("field-level conflicts between proposals", () => {
  it("two proposals on unrelated fields of one arrangement are both approved without manual work", async () => {
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const description = await propose("updateArrangement", { arrangementId: target.id, baseVersion: target.version, description: "Felles innkjøp av varer og tjenester." });
    const staffing = await propose("recordStaffing", { arrangementId: target.id, baseVersion: target.version, year: "2025", fte: "2.5", source: "Årsmelding" });

    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: description })).toMatchObject({ ok: true, outcome: "applied" });
    // The other one was re-based silently and still waits: the same status for proposer and adviser.
    expect(await statusEverywhere(staffing)).toEqual({ mine: "PENDING", queue: "PENDING", page: "PENDING" });
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: staffing } })).toMatchObject({ baseVersion: target.version + 1, conflictFields: [] });

    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: staffing })).toMatchObject({ ok: true, outcome: "applied" });
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id }, include: { staffing: true } });
    expect(after.description).toBe("Felles innkjøp av varer og tjenester.");
    expect(after.staffing.find((s) => s.year === 2025)).toMatchObject({ source: "Årsmelding" });
    expect(Number(after.staffing.find((s) => s.year === 2025)!.fte)).toBe(2.5);
    expect(after.version).toBe(target.version + 2);
  });

  it("two proposals on the same field give a conflict that the adviser resolves per field", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const before = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    const first = await propose("updateArrangement", { arrangementId: target.id, baseVersion: target.version, description: "Første forslag" });
    const second = await propose("updateArrangement", { arrangementId: target.id, baseVersion: target.version, description: "Andre forslag", shortName: "ØHL" });
    const third = await propose("updateArrangement", { arrangementId: target.id, baseVersion: target.version, description: "Tredje forslag", notes: "Ny merknad" });

    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: first })).toMatchObject({ ok: true });
    for (const id of [second, third]) {
      expect(await statusEverywhere(id)).toEqual({ mine: "CONFLICT", queue: "CONFLICT", page: "CONFLICT" });
      expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).conflictFields).toEqual(["description"]);
    }

    // The page shows base / now / proposed per field, never «–» against «–».
    const view = (await changeRequestView(second))!;
    expect(view.fields.find((f) => f.key === "description")).toMatchObject({ base: before.description, now: "Første forslag", proposed: "Andre forslag", conflict: true });
    expect(view.fields.find((f) => f.key === "shortName")).toMatchObject({ base: before.shortName, now: before.shortName, proposed: "ØHL", conflict: false });

    // Without a choice for the conflicting field approval is refused and nothing changes.
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: second })).toEqual({ ok: false, kind: "conflict", message: CONFLICT_ON_APPROVE });
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).description).toBe("Første forslag");

    // Keep the current description: the rest of the proposal (short name) is applied.
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: second, "valg:description": "gjeldende" })).toMatchObject({ ok: true, outcome: "applied" });
    let now = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(now).toMatchObject({ description: "Første forslag", shortName: "ØHL" });

    // The third still conflicts on description only (shortName is not its field); take its value.
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: third } })).status).toBe("CONFLICT");
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: third, "valg:description": "forslag" })).toMatchObject({ ok: true });
    now = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(now).toMatchObject({ description: "Tredje forslag", shortName: "ØHL", notes: "Ny merknad", version: target.version + 3 });
    expect(await statusEverywhere(third)).toEqual({ mine: "APPROVED", queue: undefined, page: "APPROVED" });
  });

  it("refuses a merge that would break a rule across fields (host removed by another proposal)", async () => {
    const target = await prisma.arrangement.findUniqueOrThrow({ where: { slug: "hallingdal-legevakt" }, include: { participations: true } });
    const al = await t.municipality("al");
    const other = target.participations.find((p) => !p.leftOn && p.municipalityId !== target.hostMunicipalityId && p.municipalityId !== al)!;
    const host = await propose("setHost", { arrangementId: target.id, baseVersion: target.version, hostMunicipalityId: String(other.municipalityId) });
    const leave = await propose("removeParticipant", { arrangementId: target.id, baseVersion: target.version, participationId: String(other.id), leftOn: "2025-01-01" });
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: host })).toMatchObject({ ok: true });
    const leaveRow = await prisma.changeRequest.findUniqueOrThrow({ where: { id: leave } });
    expect(leaveRow.status).toBe("PENDING");
    const refused = await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: leave });
    expect(refused).toMatchObject({ ok: false, kind: "validation" });
    expect(refused.message).toMatch(/Vertskommunen .* er ikke lenger deltaker/);
  });
});

describe("the dialogue on a change request", () => {
  it("send back with a comment, the proposer revises the same request, the adviser approves; every step is in the thread and told", async () => {
    const target = await t.arrangement("lvs-hallingdal");
    const id = await propose("recordStaffing", { arrangementId: target.id, baseVersion: target.version, year: "2024", fte: "3", source: "", justification: "Tall fra budsjettet." });
    expect(await prisma.notification.count({ where: { userId: t.adviser.id, changeRequestId: id, kind: "proposed" } })).toBe(1);
    expect(await mails(id)).toEqual([["radgiver@test.no", "proposal.received"]]);

    // Only the proposer and advisers may write; the comment must not be empty.
    expect(await MUTATIONS.commentOnChangeRequest(t.drammenEditor, { changeRequestId: id, comment: "Hei" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await MUTATIONS.returnChangeRequest(t.adviser, { changeRequestId: id, comment: " " })).toMatchObject({ ok: false, kind: "validation" });

    expect(await MUTATIONS.returnChangeRequest(t.adviser, { changeRequestId: id, comment: "Oppgi kilden, takk." })).toMatchObject({ ok: true });
    expect(await statusEverywhere(id)).toEqual({ mine: "RETURNED", queue: undefined, page: "RETURNED" });
    expect(await prisma.notification.count({ where: { userId: t.alEditor.id, changeRequestId: id, kind: "returned", readAt: null } })).toBe(1);
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: id })).toMatchObject({ ok: false, kind: "conflict" });

    // Someone else cannot revise it; the proposer can, and it is the same request again.
    expect(await MUTATIONS.recordStaffing(t.drammenEditor, { arrangementId: target.id, baseVersion: target.version, year: "2024", fte: "3", changeRequestId: String(id) })).toMatchObject({
      ok: false,
    });
    const revised = await MUTATIONS.recordStaffing(t.alEditor, {
      arrangementId: target.id,
      baseVersion: target.version,
      year: "2024",
      fte: "3.5",
      source: "Årsmelding 2024",
      changeRequestId: String(id),
      justification: "Kilde lagt til.",
    });
    expect(revised).toMatchObject({ ok: true, outcome: "proposed", changeRequestId: id });
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", revision: 2 });
    expect(await MUTATIONS.recordStaffing(t.alEditor, { arrangementId: target.id, baseVersion: target.version, year: "2024", fte: "4", changeRequestId: String(id) })).toMatchObject({
      ok: false,
      kind: "conflict",
    });

    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: id, comment: "Takk!" })).toMatchObject({ ok: true, outcome: "applied" });
    const staffing = await prisma.staffingRecord.findFirstOrThrow({ where: { arrangementId: target.id, year: 2024 } });
    expect(Number(staffing.fte)).toBe(3.5);

    const thread = (await changeRequestView(id))!.thread.map((e) => [e.kind, e.author.name, e.body]);
    expect(thread).toEqual([
      ["JUSTIFICATION", "Test Ål", "Tall fra budsjettet."],
      ["RETURNED", "Test Rådgiver", "Oppgi kilden, takk."],
      ["RESUBMITTED", "Test Ål", "Kilde lagt til."],
      ["APPROVED", "Test Rådgiver", "Takk!"],
    ]);
    const kinds = (await prisma.notification.findMany({ where: { userId: t.alEditor.id, changeRequestId: id }, orderBy: { id: "asc" } })).map((n) => n.kind);
    expect(kinds).toEqual(["returned", "approved"]);
    // Mails are written in the same transaction as each step: to the adviser when it arrives (twice), to the proposer when returned and approved.
    expect(await mails(id)).toEqual([
      ["radgiver@test.no", "proposal.received"],
      ["al@test.no", "proposal.returned"],
      ["radgiver@test.no", "proposal.received"],
      ["al@test.no", "proposal.approved"],
    ]);
    const returnedMail = await prisma.outboxMail.findFirstOrThrow({ where: { changeRequestId: id, kind: "proposal.returned" } });
    expect(returnedMail.body).toContain("Oppgi kilden, takk.");
    expect(returnedMail.body).toContain(`/endringsforslag/${id}`);
    const steps = (await prisma.auditEvent.findMany({ where: { changeRequestId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(steps).toEqual(["proposeChange", "returnChangeRequest", "resubmitChangeRequest", "recordStaffing"]);
  });
});

describe("the adviser's mail preference", () => {
  it("a daily digest collects the proposals of the day in one mail sent at 07:00, instead of one mail each", async () => {
    expect(await MUTATIONS.setProposalMailPreference(t.adviser, { proposalMail: "DAILY" })).toMatchObject({ ok: true });
    const target = await t.arrangement("hallinghelse");
    const first = await propose("updateArrangement", { arrangementId: target.id, baseVersion: target.version, notes: "Digest 1" });
    const second = await propose("recordStaffing", { arrangementId: target.id, baseVersion: target.version, year: "2023", fte: "1" });
    expect(await prisma.outboxMail.count({ where: { changeRequestId: { in: [first, second] } } })).toBe(0);
    const digests = await prisma.outboxMail.findMany({ where: { toAddress: "radgiver@test.no", kind: "proposal.digest" } });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body).toContain(`/endringsforslag/${first}`);
    expect(digests[0]!.body).toContain(`/endringsforslag/${second}`);
    expect(digests[0]!.sendAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.notification.count({ where: { userId: t.adviser.id, changeRequestId: { in: [first, second] } } })).toBe(2);
    await MUTATIONS.setProposalMailPreference(t.adviser, { proposalMail: "IMMEDIATE" });
  });
});
