import { describe, expect, it } from "vitest";
import { ALREADY_CONFIRMED, countByState, isOverdue, progressOf, type RoundEvent, transition } from "./state";

const at = (day: number) => new Date(Date.UTC(2027, 0, day, 12));
const proposal = (day: number, by = "Ål"): RoundEvent => ({ kind: "proposal", at: at(day), by });
const confirm = (day: number, by = "Ål"): RoundEvent => ({ kind: "confirm", at: at(day), by });

describe("transition", () => {
  it("follows the documented edges", () => {
    expect(transition("NOT_STARTED", "proposal")).toEqual({ ok: true, state: "IN_PROGRESS" });
    expect(transition("NOT_STARTED", "confirm")).toEqual({ ok: true, state: "CONFIRMED" });
    expect(transition("IN_PROGRESS", "proposal")).toEqual({ ok: true, state: "IN_PROGRESS" });
    expect(transition("IN_PROGRESS", "confirm")).toEqual({ ok: true, state: "CONFIRMED_WITH_CHANGES" });
    expect(transition("CONFIRMED", "proposal")).toEqual({ ok: true, state: "IN_PROGRESS" });
    expect(transition("CONFIRMED_WITH_CHANGES", "proposal")).toEqual({ ok: true, state: "IN_PROGRESS" });
  });
  it("refuses a second confirmation without a proposal in between", () => {
    expect(transition("CONFIRMED", "confirm")).toEqual({ ok: false, message: ALREADY_CONFIRMED });
    expect(transition("CONFIRMED_WITH_CHANGES", "confirm")).toEqual({ ok: false, message: ALREADY_CONFIRMED });
  });
});

describe("progressOf", () => {
  it("is not started without events", () => {
    expect(progressOf([])).toMatchObject({ state: "NOT_STARTED", startedAt: null, confirmedAt: null, proposals: 0 });
  });
  it("confirmed unchanged", () => {
    expect(progressOf([confirm(3, "Kari")])).toMatchObject({ state: "CONFIRMED", startedAt: at(3), confirmedAt: at(3), confirmedBy: "Kari" });
  });
  it("confirmed with changes after proposals, in time order whatever the input order", () => {
    const p = progressOf([confirm(5, "Kari"), proposal(2, "Ola"), proposal(3, "Ola")]);
    expect(p).toMatchObject({ state: "CONFIRMED_WITH_CHANGES", startedAt: at(2), confirmedAt: at(5), confirmedBy: "Kari", proposals: 2, lastBy: "Kari" });
  });
  it("a proposal after confirming reopens the work", () => {
    expect(progressOf([confirm(2), proposal(4)])).toMatchObject({ state: "IN_PROGRESS", confirmedAt: null, proposals: 1 });
  });
  it("a repeated confirmation changes nothing", () => {
    expect(progressOf([confirm(2, "A"), confirm(3, "B")])).toMatchObject({ state: "CONFIRMED", confirmedAt: at(2), confirmedBy: "A" });
  });
  it("ignores events after the round was closed", () => {
    expect(progressOf([confirm(2), proposal(9)], at(5))).toMatchObject({ state: "CONFIRMED", proposals: 0 });
  });
  it("orders a proposal before a confirmation at the same instant", () => {
    expect(progressOf([confirm(2), proposal(2)]).state).toBe("CONFIRMED_WITH_CHANGES");
  });
});

describe("isOverdue", () => {
  it("only after the deadline day, only while open, only when not confirmed", () => {
    expect(isOverdue("NOT_STARTED", "2027-03-01", "2027-03-01", false)).toBe(false);
    expect(isOverdue("NOT_STARTED", "2027-03-01", "2027-03-02", false)).toBe(true);
    expect(isOverdue("IN_PROGRESS", "2027-03-01", "2027-03-02", false)).toBe(true);
    expect(isOverdue("CONFIRMED", "2027-03-01", "2027-03-02", false)).toBe(false);
    expect(isOverdue("CONFIRMED_WITH_CHANGES", "2027-03-01", "2027-03-02", false)).toBe(false);
    expect(isOverdue("NOT_STARTED", "2027-03-01", "2027-03-02", true)).toBe(false);
  });
});

describe("countByState", () => {
  it("counts every state, zero included", () => {
    expect(countByState(["CONFIRMED", "NOT_STARTED", "CONFIRMED"])).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 0, CONFIRMED: 2, CONFIRMED_WITH_CHANGES: 0 });
  });
});
