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

describe("the mutation pipeline", () => {
  it("applies an adviser's edit directly, bumps the version and audits before/after", async () => {
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const result = await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, description: "Felles innkjøp for Ål og Hol." });
    expect(result).toMatchObject({ ok: true, outcome: "applied" });
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.version).toBe(target.version + 1);
    expect(after.description).toBe("Felles innkjøp for Ål og Hol.");
    const events = await prisma.auditEvent.findMany({ where: { arrangementId: target.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: t.adviser.id, role: "STATSFORVALTER", action: "updateArrangement", changeRequestId: null });
    expect((events[0]!.before as { version: number }).version).toBe(target.version);
    expect((events[0]!.after as { description: string }).description).toBe("Felles innkjøp for Ål og Hol.");
  });

  it("turns a kommune editor's edit into a pending proposal with a field-by-field diff and changes nothing", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const hemsedal = await t.municipality("hemsedal");
    const result = await MUTATIONS.addParticipant(t.alEditor, { arrangementId: target.id, baseVersion: target.version, municipalityId: hemsedal, role: "MEMBER", joinedOn: "2025-01-01" });
    expect(result).toMatchObject({ ok: true, outcome: "proposed" });
    if (!result.ok) return;
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId! } });
    expect(request).toMatchObject({ status: "PENDING", proposerId: t.alEditor.id, baseVersion: target.version, municipalityId: await t.municipality("al") });
    expect(request.diff).toEqual([{ field: `participant:ny-${hemsedal}`, label: "Deltakerkommune Hemsedal", before: null, after: "deltaker, fra 2025-01-01" }]);
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(target.version);
    expect(await prisma.participation.count({ where: { arrangementId: target.id, municipalityId: hemsedal } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { arrangementId: target.id } })).toBe(0);

    const approved = await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: request.id });
    expect(approved).toMatchObject({ ok: true, outcome: "applied" });
    expect(await prisma.participation.count({ where: { arrangementId: target.id, municipalityId: hemsedal, leftOn: null } })).toBe(1);
    const decided = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: "APPROVED", decidedById: t.adviser.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { arrangementId: target.id } });
    expect(event).toMatchObject({ userId: t.adviser.id, changeRequestId: request.id, action: "addParticipant" });
    expect(await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: request.id })).toMatchObject({ ok: false, kind: "conflict", message: "Forslaget er allerede behandlet." });
  });

  it("creates an arrangement through a proposal, which counts only after approval", async () => {
    const [al, hol] = [await t.municipality("al"), await t.municipality("hol")];
    const sector = await prisma.sector.findFirstOrThrow({ where: { code: "HEALTH" } });
    const before = await prisma.arrangement.count();
    const proposed = await MUTATIONS.createArrangement(t.alEditor, {
      name: "Jordmortjeneste Ål–Hol",
      sectorId: String(sector.id),
      participantIds: [String(al), String(hol)],
      hostMunicipalityId: String(al),
      orgNr: "",
    });
    expect(proposed).toMatchObject({ ok: true, outcome: "proposed" });
    expect(await prisma.arrangement.count()).toBe(before);
    if (!proposed.ok) return;
    const approved = await MUTATIONS.approveChangeRequest(t.adviser, { changeRequestId: proposed.changeRequestId });
    expect(approved).toMatchObject({ ok: true });
    expect(await prisma.arrangement.count()).toBe(before + 1);
    const created = await prisma.arrangement.findFirstOrThrow({ where: { name: "Jordmortjeneste Ål–Hol" }, include: { participations: true } });
    expect(created).toMatchObject({ slug: "jordmortjeneste-al-hol", hostMunicipalityId: al, version: 1 });
    expect(created.participations.map((p) => p.municipalityId).sort()).toEqual([al, hol].sort());
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: proposed.changeRequestId! } })).arrangementId).toBe(created.id);
  });

  it("a rejected proposal keeps the adviser's comment and changes nothing", async () => {
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const al = await t.municipality("al");
    const proposed = await MUTATIONS.setHost(t.alEditor, { arrangementId: target.id, baseVersion: target.version, hostMunicipalityId: al });
    expect(proposed).toMatchObject({ ok: true, outcome: "proposed" });
    if (!proposed.ok) return;
    expect(await MUTATIONS.rejectChangeRequest(t.adviser, { changeRequestId: proposed.changeRequestId, comment: "" })).toMatchObject({
      ok: false,
      kind: "validation",
      errors: { comment: ["Skriv en kommentar til kommunen om hvorfor forslaget avvises."] },
    });
    expect(await MUTATIONS.rejectChangeRequest(t.adviser, { changeRequestId: proposed.changeRequestId, comment: "Hol er vertskommune etter avtalen." })).toMatchObject({ ok: true });
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: proposed.changeRequestId! } });
    expect(request).toMatchObject({ status: "REJECTED", comment: "Hol er vertskommune etter avtalen.", decidedById: t.adviser.id });
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).hostMunicipalityId).not.toBe(al);
  });

  it("gives field-level Norwegian messages for bad input and changes nothing", async () => {
    const target = await t.arrangement("hallinghelse");
    const result = await MUTATIONS.updateArrangement(t.adviser, {
      arrangementId: target.id,
      baseVersion: target.version,
      name: "<script>alert(1)</script>",
      sectorId: "abc",
      establishedYear: "3000",
      orgNr: "123456789",
      description: "x".repeat(5000),
    });
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: ["Navnet kan ikke inneholde tegnene < og >."],
      sectorId: ["Velg en sektor."],
      establishedYear: [`Etableringsåret må være et årstall mellom 1800 og ${new Date().getUTCFullYear()}.`],
      orgNr: ["Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)."],
      description: ["Beskrivelsen kan ha høyst 4000 tegn."],
    });
    expect(await MUTATIONS.updateArrangement(t.adviser, { arrangementId: 99999999, baseVersion: 1, name: "X" })).toMatchObject({ ok: false, kind: "not_found", message: "Fant ikke ordningen." });
    expect(await MUTATIONS.updateArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, sectorId: 999999 })).toMatchObject({
      ok: false,
      errors: { sectorId: ["Ukjent sektor."] },
    });
    expect(await MUTATIONS.endArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version, endDate: "2021-13-01", endReason: "x" })).toMatchObject({
      ok: false,
      errors: { endDate: ["Sluttdatoen er ikke en gyldig dato."] },
    });
    const host = (await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).hostMunicipalityId!;
    expect(await MUTATIONS.setHost(t.adviser, { arrangementId: target.id, baseVersion: target.version, hostMunicipalityId: await t.municipality("drammen") })).toMatchObject({
      ok: false,
      errors: { hostMunicipalityId: ["Vertskommunen må være en av deltakerkommunene."] },
    });
    const after = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.version).toBe(target.version);
    expect(after.hostMunicipalityId).toBe(host);
    expect(await prisma.auditEvent.count({ where: { arrangementId: target.id } })).toBe(0);
  });

  it("records staffing, ends an arrangement, and restores an earlier version as a new audited change", async () => {
    const target = await t.arrangement("lvs-hallingdal");
    const staffed = await MUTATIONS.recordStaffing(t.adviser, { arrangementId: target.id, baseVersion: target.version, year: "2024", fte: "3.5", source: "Årsrapport 2024" });
    expect(staffed).toMatchObject({ ok: true });
    const ended = await MUTATIONS.endArrangement(t.adviser, { arrangementId: target.id, baseVersion: target.version + 1, endDate: "2025-06-30", endReason: "Slått sammen med Hallinghelse." });
    expect(ended).toMatchObject({ ok: true });
    const endEvent = await prisma.auditEvent.findFirstOrThrow({ where: { arrangementId: target.id, action: "endArrangement" } });
    expect(await MUTATIONS.restoreArrangementVersion(t.alEditor, { arrangementId: target.id, baseVersion: target.version + 2, auditEventId: endEvent.id, which: "before" })).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    const restored = await MUTATIONS.restoreArrangementVersion(t.adviser, { arrangementId: target.id, baseVersion: target.version + 2, auditEventId: endEvent.id, which: "before" });
    expect(restored).toMatchObject({ ok: true, outcome: "applied" });
    const now = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id }, include: { staffing: true } });
    expect(now).toMatchObject({ endDate: null, endReason: null, version: target.version + 3 });
    expect(now.staffing.map((s) => [s.year, Number(s.fte)])).toContainEqual([2024, 3.5]);
    expect(await prisma.auditEvent.count({ where: { arrangementId: target.id } })).toBe(3);
  });

  it("refuses a participation overlapping the municipality's earlier one in the same arrangement, with a Norwegian message", async () => {
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const hol = await t.municipality("hol");
    const participation = await prisma.participation.findFirstOrThrow({ where: { arrangementId: target.id, municipalityId: hol, leftOn: null } });
    const left = await MUTATIONS.removeParticipant(t.adviser, { arrangementId: target.id, baseVersion: target.version, participationId: participation.id, leftOn: "2024-06-30" });
    expect(left).toMatchObject({ ok: true, outcome: "applied" });
    const afterLeaving = await t.arrangement("innkjopssamarbeid-al-hol");
    const rows = () => prisma.participation.findMany({ where: { arrangementId: target.id, municipalityId: hol }, orderBy: { id: "asc" } });
    const before = await rows();

    // Joining again with no date (open from the start) or on the day it left would count Hol twice.
    for (const joinedOn of [null, "2024-06-30", "2020-01-01"]) {
      const result = await MUTATIONS.addParticipant(t.adviser, { arrangementId: target.id, baseVersion: afterLeaving.version, municipalityId: hol, role: "MEMBER", joinedOn });
      expect(result, String(joinedOn)).toMatchObject({ ok: false, kind: "validation" });
      if (result.ok) return;
      expect(result.message).toMatch(/^Hol er allerede registrert som deltaker i ordningen .*til 30\.06\.2024.*En kommune kan bare delta én gang i en ordning på samme dag\./);
      expect(result.errors?.municipalityId?.[0]).toBe(result.message);
    }
    expect(await rows()).toEqual(before);
    expect((await t.arrangement("innkjopssamarbeid-al-hol")).version).toBe(afterLeaving.version);

    // The day after it left is fine: two participations, never both valid on one day.
    const rejoined = await MUTATIONS.addParticipant(t.adviser, { arrangementId: target.id, baseVersion: afterLeaving.version, municipalityId: hol, role: "MEMBER", joinedOn: "2024-07-01" });
    expect(rejoined).toMatchObject({ ok: true, outcome: "applied" });
    expect((await rows()).map((r) => [r.joinedOn?.toISOString().slice(0, 10) ?? null, r.leftOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      [before[0]!.joinedOn?.toISOString().slice(0, 10) ?? null, "2024-06-30"],
      ["2024-07-01", null],
    ]);
  });
});
