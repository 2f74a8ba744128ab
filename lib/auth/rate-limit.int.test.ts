import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { useSeededRegistry } from "@/tests/helpers/database";
import { LOGIN_FAILED_MESSAGE, verifyCredentials } from "./credentials";
import { DEMO_PASSWORDS } from "./demo-accounts";
import { hashPassword } from "./password";
import { ipKey, MAX_FAILURES_PER_ACCOUNT, pruneLoginAttempts, RATE_LIMIT_MESSAGE } from "./rate-limit";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;

beforeAll(async () => {
  db = await useSeededRegistry();
  const passwordHash = await hashPassword("riktig-passord-123");
  await prisma.user.createMany({
    data: [
      { email: "kari@kommune.no", name: "Kari", role: "KOMMUNE", passwordHash },
      { email: "ola@kommune.no", name: "Ola", role: "STATSFORVALTER", passwordHash },
      { email: "slutta@kommune.no", name: "Sluttet", role: "STATSFORVALTER", passwordHash, active: false },
    ],
  });
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("login", () => {
  it("accepts the right password (e-mail case-insensitive) and records the login", async () => {
    const result = await verifyCredentials(" Ola@Kommune.no ", "riktig-passord-123", "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ola@kommune.no" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "ola@kommune.no" } })).lastLoginAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a deactivated account", async () => {
    const answers = await Promise.all([
      verifyCredentials("ola@kommune.no", "feil", "10.0.0.2"),
      verifyCredentials("finnes.ikke@kommune.no", "riktig-passord-123", "10.0.0.2"),
      verifyCredentials("slutta@kommune.no", "riktig-passord-123", "10.0.0.2"),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE });
  });

  it("blocks an account after 5 failures in 15 minutes, even with the right password, and says so in Norwegian", async () => {
    for (let i = 0; i < 5; i++) expect(await verifyCredentials("kari@kommune.no", `feil-${i}`, `10.1.0.${i}`)).toMatchObject({ code: "INVALID" });
    expect(await verifyCredentials("kari@kommune.no", "riktig-passord-123", "10.1.0.99")).toEqual({ ok: false, code: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE });
    expect(RATE_LIMIT_MESSAGE).toBe("For mange innloggingsforsøk. Vent 15 minutter og prøv igjen.");
    // Unknown accounts are limited the same way: the message reveals nothing about existence.
    for (let i = 0; i < 5; i++) await verifyCredentials("ukjent@kommune.no", "x", `10.2.0.${i}`);
    expect(await verifyCredentials("ukjent@kommune.no", "x", "10.2.0.99")).toMatchObject({ code: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE });
    // Old failures fall out of the window.
    await prisma.loginAttempt.updateMany({ where: { email: "kari@kommune.no" }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect(await verifyCredentials("kari@kommune.no", "riktig-passord-123", "10.1.0.100")).toMatchObject({ ok: true });
  });

  it("blocks an IP address after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await verifyCredentials(`gjetning${i}@kommune.no`, "x", "192.0.2.7");
    expect(await verifyCredentials("ola@kommune.no", "riktig-passord-123", "192.0.2.7")).toMatchObject({ code: "RATE_LIMITED" });
    expect(await verifyCredentials("ola@kommune.no", "riktig-passord-123", "192.0.2.8")).toMatchObject({ ok: true });
  });
});

describe("login limits under load and over time", () => {
  it("checks at most 5 passwords for one account however many requests run in parallel", async () => {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => verifyCredentials("parallell@kommune.no", `feil-${i}`, `10.9.0.${i}`)));
    expect(answers.filter((a) => !a.ok && a.code === "INVALID")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(answers.filter((a) => !a.ok && a.code === "RATE_LIMITED")).toHaveLength(16 - MAX_FAILURES_PER_ACCOUNT);
    expect(await prisma.loginAttempt.count({ where: { email: "parallell@kommune.no" } })).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("stores IP addresses only as fixed-length hashes, also very long ones, and limits them", async () => {
    const longIp = "2001:db8::" + "1".repeat(200);
    for (let i = 0; i < 20; i++) await verifyCredentials(`lang${i}@kommune.no`, "x", longIp);
    expect(await verifyCredentials("ola@kommune.no", "riktig-passord-123", longIp)).toMatchObject({ code: "RATE_LIMITED" });
    const rows = await prisma.loginAttempt.findMany({ where: { email: { startsWith: "lang" } }, select: { ip: true } });
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set([ipKey(longIp)]));
    expect(rows[0]?.ip).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.loginAttempt.count({ where: { ip: { contains: "." } } })).toBe(0);
  });

  it("without a known client address only the account limit applies", async () => {
    for (let i = 0; i < 25; i++) await verifyCredentials(`anonym${i}@kommune.no`, "x", null);
    expect(await verifyCredentials("ola@kommune.no", "riktig-passord-123", null)).toMatchObject({ ok: true });
  });

  it("refuses control characters in the e-mail without touching the database", async () => {
    const before = await prisma.loginAttempt.count();
    expect(await verifyCredentials("ola@kommune.no\u0000' OR 1=1", "riktig-passord-123", "10.3.0.1")).toEqual({ ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE });
    expect(await prisma.loginAttempt.count()).toBe(before);
  });

  it("prunes attempts older than 30 days", async () => {
    await prisma.loginAttempt.create({ data: { email: "gammel@kommune.no", ip: "", success: false, at: new Date(Date.now() - 31 * 24 * 3600_000) } });
    await prisma.loginAttempt.create({ data: { email: "nyere@kommune.no", ip: "", success: false, at: new Date(Date.now() - 29 * 24 * 3600_000) } });
    expect(await pruneLoginAttempts()).toBeGreaterThanOrEqual(1);
    expect(await prisma.loginAttempt.count({ where: { email: "gammel@kommune.no" } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { email: "nyere@kommune.no" } })).toBe(1);
  });
});

describe("demo passwords", () => {
  it("are refused at every login with an external database, and accepted on the embedded demo database", async () => {
    const passwordHash = await hashPassword(DEMO_PASSWORDS[0]!);
    await prisma.user.create({ data: { email: "gjenopplivet@kommune.no", name: "Gjenopplivet demo", role: "ADMIN", passwordHash } });
    const previous = process.env.SAMARBEID_EMBEDDED_DB;
    try {
      process.env.SAMARBEID_EMBEDDED_DB = "0";
      expect(await verifyCredentials("gjenopplivet@kommune.no", DEMO_PASSWORDS[0], "10.4.0.1")).toEqual({ ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE });
      process.env.SAMARBEID_EMBEDDED_DB = "1";
      expect(await verifyCredentials("gjenopplivet@kommune.no", DEMO_PASSWORDS[0], "10.4.0.2")).toMatchObject({ ok: true });
    } finally {
      if (previous === undefined) delete process.env.SAMARBEID_EMBEDDED_DB;
      else process.env.SAMARBEID_EMBEDDED_DB = previous;
    }
  });
});
