import "server-only";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import type { Actor } from "./authorize.ts";
import { authOptions } from "./options.ts";

/**
 * The actor is read from the database on every request (not trusted from the session token), so a
 * deactivation or a change of role or municipalities takes effect immediately.
 */
export async function loadActor(userId: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { municipalities: true } });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    municipalityIds: user.role === "KOMMUNE" ? user.municipalities.map((m) => m.municipalityId).sort((a, b) => a - b) : [],
  };
}

export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadActor(id);
}
