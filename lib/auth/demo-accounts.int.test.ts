import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { useSeededRegistry } from "@/tests/helpers/database";
import { activeUsersWithDemoPassword, DEMO_ACCOUNTS, ensureDemoAccounts } from "./demo-accounts";
import { hashPassword } from "./password";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("demo accounts", () => {
  it("are created once per role (idempotent) with their municipality scope", async () => {
    expect((await ensureDemoAccounts(db.url)).created).toHaveLength(DEMO_ACCOUNTS.length);
    expect((await ensureDemoAccounts(db.url)).created).toHaveLength(0);
    const al = await prisma.user.findUniqueOrThrow({ where: { email: "al@demo.samarbeidsregisteret.no" }, include: { municipalities: { include: { municipality: true } } } });
    expect(al.role).toBe("KOMMUNE");
    expect(al.municipalities.map((m) => m.municipality.slug)).toEqual(["al"]);
    expect(new Set((await prisma.user.findMany()).map((u) => u.role))).toEqual(new Set(["ADMIN", "STATSFORVALTER", "KOMMUNE"]));
  });

  it("finds every active user who still has a known demo password (start refuses then)", async () => {
    await prisma.user.create({ data: { email: "ekte@kommune.no", name: "Ekte", role: "ADMIN", passwordHash: await hashPassword("et-ekte-hemmelig-passord") } });
    expect(await activeUsersWithDemoPassword(db.url)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    await prisma.user.updateMany({ where: { email: { endsWith: "@demo.samarbeidsregisteret.no" } }, data: { active: false } });
    expect(await activeUsersWithDemoPassword(db.url)).toEqual([]);
  });
});
