import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { MUTATIONS } from "@/lib/changes";
import { prisma } from "@/lib/db";
import { arrangementActiveOn } from "@/lib/domain/sql/activity";
import { todayInNorway } from "@/lib/domain/today";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { lastClosedRoundConfirmations, municipalityTask, openTasksFor, roundBoard } from "./queries";
import { compareSnapshots, listSnapshots, TODAY_KEY } from "./snapshots";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const yesterday = () => new Date(Date.parse(`${todayInNorway()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
let al: number;
let drammen: number;
let gol: number;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
  [al, drammen, gol] = await Promise.all([t.municipality("al"), t.municipality("drammen"), t.municipality("gol")]);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("«Rapport 2021»", () => {
  it("is stored by the seed as the registry on 2021-11-01", async () => {
    const [snapshot] = await listSnapshots();
    expect(snapshot).toMatchObject({ slug: "rapport-2021", name: "Rapport 2021", asOf: "2021-11-01" });
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>(Prisma.sql`SELECT count(*)::int AS n FROM "Arrangement" a WHERE ${arrangementActiveOn("a", "2021-11-01")}`);
    expect(snapshot!.arrangements).toBe(n);
    expect(n).toBeGreaterThan(200);
  });

  it("compares with itself (nothing) and with today (the dated changes since 2021 in the seed)", async () => {
    const same = await compareSnapshots("rapport-2021", "rapport-2021");
    if (!same.ok) throw new Error(same.message);
    expect([same.value.comparison.added, same.value.comparison.ended, same.value.comparison.changed]).toEqual([[], [], []]);
    const answer = await compareSnapshots("rapport-2021", TODAY_KEY);
    if (!answer.ok) throw new Error(answer.message);
    const hadeland = answer.value.comparison.changed.find((a) => a.slug === "regionradet-for-hadeland");
    expect(hadeland?.changes[0]?.after).toContain("− Jevnaker");
    expect(await compareSnapshots("finnes-ikke", TODAY_KEY)).toEqual({ ok: false, message: "Fant ikke øyeblikksbildet «finnes-ikke»." });
  });
});

describe("a survey round", () => {
  let roundId: number;

  it("is opened by an adviser; editors refused; bad input changes nothing", async () => {
    expect(await MUTATIONS.openSurveyRound(t.alEditor, { name: "Kartlegging 2027", deadline: "2099-03-01", municipalityIds: [String(al)] })).toMatchObject({ ok: false, kind: "forbidden" });
    const bad = await MUTATIONS.openSurveyRound(t.adviser, { name: "", deadline: "2020-01-01", municipalityIds: [] });
    expect(bad).toMatchObject({ ok: false, kind: "validation" });
    const past = await MUTATIONS.openSurveyRound(t.adviser, { name: "Gammel", deadline: "2020-01-01", municipalityIds: [String(al)] });
    expect(past).toMatchObject({ ok: false, errors: { deadline: ["Fristen kan ikke være tilbake i tid."] } });
    const opened = await MUTATIONS.openSurveyRound(t.adviser, {
      name: "Kartlegging 2027",
      deadline: "2099-03-01",
      message: "Se over listen.",
      municipalityIds: [String(al), String(drammen), String(gol)],
    });
    expect(opened).toMatchObject({ ok: true, outcome: "done" });
    roundId = opened.ok ? opened.roundId! : 0;
    const again = await MUTATIONS.openSurveyRound(t.adviser, { name: "Kartlegging 2027", deadline: "2099-03-01", municipalityIds: [String(al)] });
    expect(again).toMatchObject({ ok: false, errors: { name: ["Det finnes allerede en kartleggingsrunde med dette navnet."] } });
    expect(await prisma.surveyRound.count()).toBe(1);
    const mails = await prisma.outboxMail.findMany({ where: { kind: "surveyRound.opened" }, orderBy: { toAddress: "asc" } });
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([
      ["al@test.no", "Ny kartleggingsrunde: Kartlegging 2027"],
      ["drammen@test.no", "Ny kartleggingsrunde: Kartlegging 2027"],
    ]);
    expect(mails[0]!.body).toMatch(/\/kartlegging\/\d+\/al/);
    const tasks = await openTasksFor(t.alEditor);
    expect(tasks.map((x) => [x.roundName, x.municipalityName, x.progress.state])).toEqual([["Kartlegging 2027", "Ål", "NOT_STARTED"]]);
  });

  it("moves Ål through in progress to confirmed with changes, Drammen to confirmed", async () => {
    const target = await t.arrangement("hallingdal-legevakt");
    const proposed = await MUTATIONS.endArrangement(t.alEditor, { arrangementId: String(target.id), baseVersion: String(target.version), endDate: yesterday(), endReason: "Lagt ned." });
    expect(proposed).toMatchObject({ ok: true, outcome: "proposed" });
    let board = (await roundBoard(roundId))!;
    expect(board.rows.map((r) => [r.name, r.state])).toEqual([
      ["Drammen", "NOT_STARTED"],
      ["Gol", "NOT_STARTED"],
      ["Ål", "IN_PROGRESS"],
    ]);
    expect(await MUTATIONS.confirmSurveyOverview(t.drammenEditor, { roundId: String(roundId), municipalityId: String(al) })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await MUTATIONS.confirmSurveyOverview(t.adviser, { roundId: String(roundId), municipalityId: String(al) })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await MUTATIONS.confirmSurveyOverview(t.alEditor, { roundId: String(roundId), municipalityId: String(al) })).toMatchObject({ ok: true });
    expect(await MUTATIONS.confirmSurveyOverview(t.alEditor, { roundId: String(roundId), municipalityId: String(al) })).toMatchObject({ ok: false, kind: "validation" });
    expect(await MUTATIONS.confirmSurveyOverview(t.drammenEditor, { roundId: String(roundId), municipalityId: String(drammen) })).toMatchObject({ ok: true });
    board = (await roundBoard(roundId))!;
    expect(board.rows.map((r) => [r.name, r.state, r.confirmedBy])).toEqual([
      ["Drammen", "CONFIRMED", "Test Drammen"],
      ["Gol", "NOT_STARTED", null],
      ["Ål", "CONFIRMED_WITH_CHANGES", "Test Ål"],
    ]);
    expect(board.pending).toBe(1);
    const task = (await municipalityTask(roundId, al))!;
    expect(task.arrangements.length).toBeGreaterThan(10);
    // Confirmed by Ål, or later by Drammen where both take part (IUA Buskerud): the latest confirmation shows.
    expect(task.arrangements.filter((a) => !a.ended && !["Ål", "Drammen"].includes(a.lastConfirmation?.municipalityName ?? ""))).toEqual([]);
  });

  it("reminds the ones not done, and is not closed while proposals wait", async () => {
    expect(await MUTATIONS.remindSurveyRound(t.alEditor, { roundId: String(roundId) })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await MUTATIONS.remindSurveyRound(t.adviser, { roundId: String(roundId) })).toMatchObject({ ok: true });
    const board = (await roundBoard(roundId))!;
    expect(board.rows.filter((r) => r.remindedAt).map((r) => r.name)).toEqual(["Gol"]);
    const refused = await MUTATIONS.closeSurveyRound(t.adviser, { roundId: String(roundId) });
    expect(refused).toMatchObject({ ok: false, kind: "validation" });
    expect(await prisma.snapshot.count()).toBe(1);
  });

  it("closes into a snapshot that compares with «Rapport 2021»", async () => {
    const request = await prisma.changeRequest.findFirstOrThrow({ where: { status: "PENDING", municipalityId: al } });
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: String(request.id) })).toMatchObject({ ok: true });
    expect(await lastClosedRoundConfirmations()).toEqual({ round: null, confirmations: new Map() });
    const closed = await MUTATIONS.closeSurveyRound(t.adviser, { roundId: String(roundId) });
    expect(closed).toMatchObject({ ok: true });
    expect(await MUTATIONS.confirmSurveyOverview(t.alEditor, { roundId: String(roundId), municipalityId: String(al) })).toMatchObject({
      ok: false,
      message: "Kartleggingsrunden er lukket. Ingenting er endret.",
    });
    const snapshots = await listSnapshots();
    expect(snapshots.map((s) => [s.slug, s.roundName])).toEqual([
      ["rapport-2021", null],
      ["kartlegging-2027", "Kartlegging 2027"],
    ]);
    const answer = await compareSnapshots("rapport-2021", "kartlegging-2027", "al");
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.value.comparison.ended).toEqual([expect.objectContaining({ slug: "hallingdal-legevakt", endDate: yesterday() })]);
    expect(answer.value.comparison.added).toEqual([]);
    const al2021 = answer.value.comparison.municipalities.find((m) => m.slug === "al")!;
    expect(al2021.difference).toBe(-1);
    const confirmations = await lastClosedRoundConfirmations();
    expect(confirmations.round?.name).toBe("Kartlegging 2027");
    const legevakt = await t.arrangement("hallingdal-legevakt");
    expect(confirmations.confirmations.get(legevakt.id)?.municipalityIds).toEqual([al]);
    const audit = await prisma.auditEvent.findMany({ where: { action: { in: ["openSurveyRound", "confirmSurveyOverview", "remindSurveyRound", "closeSurveyRound"] } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["closeSurveyRound", "confirmSurveyOverview", "confirmSurveyOverview", "openSurveyRound", "remindSurveyRound"]);
  });
});
