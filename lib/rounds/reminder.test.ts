import { describe, expect, it } from "vitest";
import { announcementText, reminderSubject, reminderText } from "./reminder";

describe("reminder texts", () => {
  const input = { roundName: "Kartlegging 2027", deadline: "2027-03-01", message: "Husk nye selskaper.", link: "https://eksempel.no/kartlegging/1/al", municipalityName: "Ål" };
  it("names the round, the municipality, the deadline and the link", () => {
    const text = reminderText(input);
    expect(text).toContain("«Kartlegging 2027»");
    expect(text).toContain("Ål kommune");
    expect(text).toContain("1. mars 2027");
    expect(text).toContain("https://eksempel.no/kartlegging/1/al");
    expect(text).toContain("Husk nye selskaper.");
    expect(reminderSubject(input)).toBe("Påminnelse: Kartlegging 2027 – Ål kommune");
  });
  it("works without a municipality (the ready-to-copy text for several)", () => {
    expect(reminderText({ ...input, municipalityName: undefined, message: "" })).toContain("kommunen deres");
    expect(announcementText(input)).toContain("innen 1. mars 2027");
  });
});
