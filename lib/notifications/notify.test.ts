import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/mail/outbox", () => ({ enqueueMail: async () => {} }));
vi.mock("@/lib/db", () => ({}));

const { nextDigestTime } = await import("./notify");

describe("nextDigestTime", () => {
  it("is 07:00 Norwegian time: today's before seven, else tomorrow's, in winter and summer time", () => {
    expect(nextDigestTime(new Date("2026-11-30T05:59:00Z")).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(nextDigestTime(new Date("2026-11-30T06:00:00Z")).toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(nextDigestTime(new Date("2026-06-15T04:59:00Z")).toISOString()).toBe("2026-06-15T05:00:00.000Z");
    expect(nextDigestTime(new Date("2026-06-15T22:30:00Z")).toISOString()).toBe("2026-06-16T05:00:00.000Z");
  });
});
