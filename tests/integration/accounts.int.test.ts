/**
 * Accounts (issue #10 item 5): invitations, links, session versions and the last active admin.
 * Runs the real mutations against a fresh seeded database; no SMTP_URL, so results carry the link.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { loadActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_REVOKED } from "@/lib/auth/session-version";
import { MUTATIONS } from "@/lib/changes";
import { prisma } from "@/lib/db";
import { MAX_RESETS_PER_ACCOUNT } from "@/lib/users/password-reset";
import { tokenDigest } from "@/lib/users/tokens";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
let counter = 0;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const tokenOf = (link: string | undefined) => {
  const match = /\/sett-passord\/([A-Za-z0-9_-]{43})$/.exec(link ?? "");
  if (!match) throw new Error(`no account link in ${link}`);
  return match[1]!;
};

/** What the jwt callback does with a session token on a later request (throws when it is refused). */
async function jwtCheck(token: { uid: number; sv: number }) {
  return authOptions.callbacks!.jwt!({ token: { ...token }, user: undefined as never, account: null });
}

/** A session token issued now for `userId`, as the jwt callback issues it at login. */
async function loginToken(userId: number) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: String(user.id), email: user.email, name: user.name }, account: null });
  return { uid: token.uid!, sv: token.sv! };
}

async function invite(email: string, role: "KOMMUNE" | "ADMIN" = "KOMMUNE") {
  const result = await MUTATIONS.createUser(t.admin, { email, name: `Invitert ${++counter}`, role, municipalityIds: role === "KOMMUNE" ? [String(await t.municipality("gol"))] : [] });
  if (!result.ok) throw new Error(result.message);
  return { userId: result.userId!, token: tokenOf(result.accountLink) };
}

describe("invitasjon", () => {
  it("invitasjon → eget passord → innlogging virker; lenken virker bare én gang", async () => {
    const { userId, token } = await invite("kari@gol.kommune.no");
    const stored = await prisma.accountToken.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(tokenDigest(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(71 * 3600_000);
    expect((await verifyCredentials("kari@gol.kommune.no", "mitt-eget-passord-123", null)).ok).toBe(false);

    const mismatch = await MUTATIONS.setPasswordWithLink(null, { token, password: "mitt-eget-passord-123", passwordRepeat: "noe-annet-helt" });
    expect(mismatch.ok).toBe(false);
    expect(!mismatch.ok && mismatch.errors?.passwordRepeat).toEqual(["Passordene er ikke like."]);

    const set = await MUTATIONS.setPasswordWithLink(null, { token, password: "mitt-eget-passord-123", passwordRepeat: "mitt-eget-passord-123" });
    expect(set.ok).toBe(true);
    const login = await verifyCredentials("kari@gol.kommune.no", "mitt-eget-passord-123", null);
    expect(login.ok).toBe(true);

    const again = await MUTATIONS.setPasswordWithLink(null, { token, password: "et-annet-passord-456", passwordRepeat: "et-annet-passord-456" });
    expect(again).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(!again.ok && again.message).toMatch(/Lenken er ugyldig/);
    const audit = await prisma.auditEvent.findMany({ where: { targetUserId: userId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["createUser", "setPasswordWithLink"]);
  });

  it("en utløpt lenke, en tukla lenke og en ny invitasjon gjør de gamle ubrukelige", async () => {
    const { userId, token } = await invite("ola@gol.kommune.no");
    const resent = await MUTATIONS.sendAccountLink(t.admin, { userId: String(userId) });
    expect(resent.ok).toBe(true);
    const newer = tokenOf(resent.ok ? resent.accountLink : undefined);
    const body = { password: "et-langt-passord-1", passwordRepeat: "et-langt-passord-1" };
    expect((await MUTATIONS.setPasswordWithLink(null, { token, ...body })).ok).toBe(false);
    expect((await MUTATIONS.setPasswordWithLink(null, { token: `${newer.slice(0, -1)}${newer.endsWith("A") ? "B" : "A"}`, ...body })).ok).toBe(false);
    await prisma.accountToken.updateMany({ where: { tokenHash: tokenDigest(newer) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await MUTATIONS.setPasswordWithLink(null, { token: newer, ...body })).ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
  });
});

describe("sesjonsversjon", () => {
  it("etter nullstilling av passord blir den gamle økten avvist", async () => {
    const user = await prisma.user.create({ data: { email: `per${++counter}@al.kommune.no`, name: "Per", role: "KOMMUNE", passwordHash: await hashPassword("gammelt-passord-1") } });
    const old = await loginToken(user.id);
    await expect(jwtCheck(old)).resolves.toMatchObject({ uid: user.id });
    expect(await loadActor(user.id, old.sv)).not.toBeNull();

    const asked = await MUTATIONS.requestPasswordReset(null, { email: user.email });
    expect(asked.ok).toBe(true);
    const link = await prisma.accountToken.findFirstOrThrow({ where: { userId: user.id, usedAt: null } });
    expect(link.purpose).toBe("RESET");
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeLessThanOrEqual(3600_000);
    // The token itself is only in the mail; here, put a known one in its place.
    const token = "r".repeat(43);
    await prisma.accountToken.update({ where: { id: link.id }, data: { tokenHash: tokenDigest(token) } });
    expect((await MUTATIONS.setPasswordWithLink(null, { token, password: "nytt-passord-123", passwordRepeat: "nytt-passord-123" })).ok).toBe(true);

    await expect(jwtCheck(old)).rejects.toThrow(SESSION_REVOKED);
    expect(await loadActor(user.id, old.sv)).toBeNull();
    const fresh = await loginToken(user.id);
    await expect(jwtCheck(fresh)).resolves.toMatchObject({ uid: user.id });
    expect((await verifyCredentials(user.email, "gammelt-passord-1", null)).ok).toBe(false);
  });

  it("deaktivering og aktivering gjenoppliver ikke gamle økter", async () => {
    const user = await prisma.user.create({ data: { email: `lise${++counter}@al.kommune.no`, name: "Lise", role: "STATSFORVALTER", passwordHash: await hashPassword("et-passord-som-er-langt") } });
    const old = await loginToken(user.id);
    expect((await MUTATIONS.setUserActive(t.admin, { userId: String(user.id), active: "false" })).ok).toBe(true);
    await expect(jwtCheck(old)).rejects.toThrow(SESSION_REVOKED);
    expect((await MUTATIONS.setUserActive(t.admin, { userId: String(user.id), active: "true" })).ok).toBe(true);
    await expect(jwtCheck(old)).rejects.toThrow(SESSION_REVOKED);
    expect(await loadActor(user.id, old.sv)).toBeNull();
    expect(await loadActor(user.id, (await loginToken(user.id)).sv)).not.toBeNull();
  });

  it("endret rolle eller kommuner, «Logg ut overalt» og eget passordbytte avslutter øktene; bare navneendring gjør det ikke", async () => {
    const user = await prisma.user.create({
      data: {
        email: `nils${++counter}@al.kommune.no`,
        name: "Nils",
        role: "KOMMUNE",
        passwordHash: await hashPassword("nils-sitt-passord"),
        municipalities: { create: [{ municipalityId: await t.municipality("al") }] },
      },
    });
    const al = String(await t.municipality("al"));
    let session = await loginToken(user.id);
    expect((await MUTATIONS.updateUser(t.admin, { userId: String(user.id), name: "Nils N.", role: "KOMMUNE", municipalityIds: [al] })).ok).toBe(true);
    await expect(jwtCheck(session)).resolves.toBeTruthy();
    expect((await MUTATIONS.updateUser(t.admin, { userId: String(user.id), name: "Nils N.", role: "KOMMUNE", municipalityIds: [al, String(await t.municipality("hol"))] })).ok).toBe(true);
    await expect(jwtCheck(session)).rejects.toThrow(SESSION_REVOKED);

    session = await loginToken(user.id);
    const actor = (await loadActor(user.id, session.sv)) as Actor;
    expect((await MUTATIONS.endUserSessions(actor, { userId: String(user.id) })).ok).toBe(true);
    expect((await MUTATIONS.endUserSessions(actor, { userId: String(t.adviser.id) })).ok).toBe(false);
    await expect(jwtCheck(session)).rejects.toThrow(SESSION_REVOKED);

    session = await loginToken(user.id);
    const wrong = await MUTATIONS.changeOwnPassword(actor, { currentPassword: "feil-passord-her", password: "nils-nye-passord", passwordRepeat: "nils-nye-passord" });
    expect(!wrong.ok && wrong.errors?.currentPassword).toEqual(["Det nåværende passordet er feil."]);
    await expect(jwtCheck(session)).resolves.toBeTruthy();
    const changed = await MUTATIONS.changeOwnPassword(actor, { currentPassword: "nils-sitt-passord", password: "nils-nye-passord", passwordRepeat: "nils-nye-passord" });
    expect(changed.ok).toBe(true);
    await expect(jwtCheck(session)).rejects.toThrow(SESSION_REVOKED);
    expect((await verifyCredentials(user.email, "nils-nye-passord", null)).ok).toBe(true);
  });

  it("en økt uten sesjonsversjon (fra før endringen) godtas ikke", async () => {
    await expect(authOptions.callbacks!.jwt!({ token: { uid: t.adviser.id }, user: undefined as never, account: null })).rejects.toThrow(SESSION_REVOKED);
  });
});

describe("glemt passord", () => {
  it("gir samme svar om kontoen finnes eller ikke, og er begrenset per e-postadresse", async () => {
    const user = await prisma.user.create({ data: { email: `glemsk${++counter}@al.kommune.no`, name: "Glemsk", role: "KOMMUNE", passwordHash: await hashPassword("glemt-passord-1") } });
    const known = await MUTATIONS.requestPasswordReset(null, { email: user.email.toUpperCase() });
    const unknown = await MUTATIONS.requestPasswordReset(null, { email: "finnes.ikke@al.kommune.no" });
    expect(known.ok && unknown.ok).toBe(true);
    expect(known.message.replace(user.email, "X")).toBe(unknown.message.replace("finnes.ikke@al.kommune.no", "X"));
    expect(await prisma.accountToken.count({ where: { userId: user.id } })).toBe(1);

    for (let i = 1; i < MAX_RESETS_PER_ACCOUNT; i++) expect((await MUTATIONS.requestPasswordReset(null, { email: user.email })).ok).toBe(true);
    const limited = await MUTATIONS.requestPasswordReset(null, { email: user.email });
    expect(limited).toMatchObject({ ok: false, message: "For mange forespørsler om nytt passord. Vent en time og prøv igjen." });
    // Only the newest link is usable.
    expect(await prisma.accountToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });

  it("sender ingen lenke til en deaktivert konto", async () => {
    const user = await prisma.user.create({ data: { email: `borte${++counter}@al.kommune.no`, name: "Borte", role: "KOMMUNE", active: false } });
    expect((await MUTATIONS.requestPasswordReset(null, { email: user.email })).ok).toBe(true);
    expect(await prisma.accountToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("siste aktive administrator", () => {
  it("to administratorer som deaktiverer hverandre samtidig, etterlater én aktiv", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const a = await prisma.user.create({ data: { email: "admin-a@test.no", name: "Admin A", role: "ADMIN" } });
    const b = await prisma.user.create({ data: { email: "admin-b@test.no", name: "Admin B", role: "ADMIN" } });
    const actorA = (await loadActor(a.id))!;
    const actorB = (await loadActor(b.id))!;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([MUTATIONS.setUserActive(actorA, { userId: String(b.id), active: "false" }), MUTATIONS.setUserActive(actorB, { userId: String(a.id), active: "false" })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)?.message).toBe("Det må finnes minst én aktiv administrator.");
      expect(await prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      await prisma.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { active: true } });
    }
    // Demoting each other at once: the same guarantee.
    const demoted = await Promise.all([
      MUTATIONS.updateUser(actorA, { userId: String(b.id), name: "Admin B", role: "STATSFORVALTER" }),
      MUTATIONS.updateUser(actorB, { userId: String(a.id), name: "Admin A", role: "STATSFORVALTER" }),
    ]);
    expect(demoted.filter((r) => r.ok)).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});
