import { describe, expect, it } from "vitest";
import { type Actor, authorize } from "./authorize";

const al: Actor = { id: 1, name: "Ål", email: "al@x.no", role: "KOMMUNE", municipalityIds: [10] };
const adviser: Actor = { id: 2, name: "R", email: "r@x.no", role: "STATSFORVALTER", municipalityIds: [] };
const admin: Actor = { id: 3, name: "A", email: "a@x.no", role: "ADMIN", municipalityIds: [] };

describe("authorize", () => {
  it("lets kommune editors propose only where their municipality takes part", () => {
    expect(authorize(al, "arrangement.edit", { municipalityIds: [10, 11] })).toEqual({ allowed: true, mode: "propose" });
    expect(authorize(al, "arrangement.edit", { municipalityIds: [11] })).toMatchObject({ allowed: false });
    expect(authorize(al, "arrangement.create", { municipalityIds: [11, 12] })).toMatchObject({ allowed: false });
    expect(authorize(al, "arrangement.restore")).toMatchObject({ allowed: false });
    expect(authorize(al, "changeRequest.review")).toMatchObject({ allowed: false });
  });
  it("lets editors import only their own municipality's kartleggingsfil (as proposals); advisers apply", () => {
    expect(authorize(al, "arrangement.import", { municipalityIds: [10] })).toEqual({ allowed: true, mode: "propose" });
    expect(authorize(al, "arrangement.import", { municipalityIds: [11] })).toEqual({ allowed: false, reason: "Du kan bare importere kartleggingsfilen for din egen kommune." });
    expect(authorize(adviser, "arrangement.import", { municipalityIds: [11] })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(null, "arrangement.import", { municipalityIds: [10] })).toMatchObject({ allowed: false });
  });
  it("lets advisers and admins apply directly; only admins manage users", () => {
    expect(authorize(adviser, "arrangement.edit", { municipalityIds: [] })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(admin, "arrangement.create", { municipalityIds: [] })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(adviser, "user.manage")).toMatchObject({ allowed: false });
    expect(authorize(admin, "user.manage")).toMatchObject({ allowed: true });
  });
  it("gives the quality dashboard and agreement uploads to advisers and admins only", () => {
    for (const action of ["quality.dashboard", "agreement.upload"] as const) {
      expect(authorize(al, action)).toMatchObject({ allowed: false });
      expect(authorize(null, action)).toMatchObject({ allowed: false });
      expect(authorize(adviser, action)).toEqual({ allowed: true, mode: "apply" });
      expect(authorize(admin, action)).toEqual({ allowed: true, mode: "apply" });
    }
  });
  it("shows a proposal to its municipality and advisers, never to others or the public", () => {
    expect(authorize(al, "changeRequest.view", { municipalityId: 10, proposerId: 99 })).toMatchObject({ allowed: true });
    expect(authorize({ ...al, municipalityIds: [11] }, "changeRequest.view", { municipalityId: 10, proposerId: 99 })).toMatchObject({ allowed: false });
    expect(authorize(null, "changeRequest.view", { municipalityId: 10 })).toMatchObject({ allowed: false });
    expect(authorize(adviser, "changeRequest.view", { municipalityId: 10 })).toMatchObject({ allowed: true });
  });
  it("account actions: oneself for sessions and password, admins for anyone; links need no login but must be usable", () => {
    expect(authorize(al, "account.own")).toMatchObject({ allowed: true });
    expect(authorize(null, "account.own")).toMatchObject({ allowed: false });
    expect(authorize(al, "account.endSessions", { targetUserId: al.id })).toMatchObject({ allowed: true });
    expect(authorize(al, "account.endSessions", { targetUserId: adviser.id })).toMatchObject({ allowed: false });
    expect(authorize(admin, "account.endSessions", { targetUserId: adviser.id })).toMatchObject({ allowed: true });
    expect(authorize(null, "account.useLink", { linkUsable: true })).toMatchObject({ allowed: true });
    expect(authorize(null, "account.useLink", { linkUsable: false })).toMatchObject({ allowed: false });
    expect(authorize(null, "account.requestLink")).toMatchObject({ allowed: true });
  });

  it("lets advisers manage survey rounds; editors confirm only their own municipality", () => {
    expect(authorize(adviser, "surveyRound.manage")).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(admin, "surveyRound.manage")).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(al, "surveyRound.manage")).toMatchObject({ allowed: false });
    expect(authorize(al, "surveyRound.confirm", { municipalityId: 10 })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(al, "surveyRound.confirm", { municipalityId: 11 })).toMatchObject({ allowed: false });
    expect(authorize(adviser, "surveyRound.confirm", { municipalityId: 10 })).toMatchObject({ allowed: false });
    expect(authorize(null, "surveyRound.confirm", { municipalityId: 10 })).toMatchObject({ allowed: false });
  });
});
