import type { Actor } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";

/** Users for integration tests, one per role, created in the current test database. */
export interface TestActors {
  admin: Actor;
  adviser: Actor;
  alEditor: Actor;
  drammenEditor: Actor;
  municipality: (slug: string) => Promise<number>;
  arrangement: (slug: string) => Promise<{ id: number; version: number }>;
}

async function user(email: string, name: string, role: Actor["role"], municipalitySlugs: string[] = []): Promise<Actor> {
  const municipalities = await prisma.municipality.findMany({ where: { slug: { in: municipalitySlugs } } });
  const created = await prisma.user.create({
    data: { email, name, role, passwordHash: null, municipalities: { create: municipalities.map((m) => ({ municipalityId: m.id })) } },
  });
  return { id: created.id, email, name, role, municipalityIds: municipalities.map((m) => m.id).sort((a, b) => a - b) };
}

export async function createTestActors(): Promise<TestActors> {
  return {
    admin: await user("admin@test.no", "Test Admin", "ADMIN"),
    adviser: await user("radgiver@test.no", "Test Rådgiver", "STATSFORVALTER"),
    alEditor: await user("al@test.no", "Test Ål", "KOMMUNE", ["al"]),
    drammenEditor: await user("drammen@test.no", "Test Drammen", "KOMMUNE", ["drammen"]),
    municipality: async (slug) => (await prisma.municipality.findUniqueOrThrow({ where: { slug } })).id,
    arrangement: async (slug) => prisma.arrangement.findUniqueOrThrow({ where: { slug }, select: { id: true, version: true } }),
  };
}
