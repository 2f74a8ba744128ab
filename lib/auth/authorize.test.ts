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
  it("lets advisers and admins apply directly; only admins manage users", () => {
    expect(authorize(adviser, "arrangement.edit", { municipalityIds: [] })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(admin, "arrangement.create", { municipalityIds: [] })).toEqual({ allowed: true, mode: "apply" });
    expect(authorize(adviser, "user.manage")).toMatchObject({ allowed: false });
    expect(authorize(admin, "user.manage")).toMatchObject({ allowed: true });
  });
  it("shows a proposal to its municipality and advisers, never to others or the public", () => {
    expect(authorize(al, "changeRequest.view", { municipalityId: 10, proposerId: 99 })).toMatchObject({ allowed: true });
    expect(authorize({ ...al, municipalityIds: [11] }, "changeRequest.view", { municipalityId: 10, proposerId: 99 })).toMatchObject({ allowed: false });
    expect(authorize(null, "changeRequest.view", { municipalityId: 10 })).toMatchObject({ allowed: false });
    expect(authorize(adviser, "changeRequest.view", { municipalityId: 10 })).toMatchObject({ allowed: true });
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
