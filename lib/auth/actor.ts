import "server-only";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import type { Actor } from "./authorize.ts";
import { authOptions } from "./options.ts";

/**
 * The actor is read from the database on every request (not trusted from the session token), so a
 * deactivation or a change of role or municipalities takes effect immediately. A session issued
 * under an older session version (before a password change or reset, a deactivation, a change of
 * role or municipalities, or «Logg ut overalt») gives no actor: lib/auth/session-version.ts.
 */
export async function loadActor(userId: number, sessionVersion?: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { municipalities: true } });
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    municipalityIds: user.role === "KOMMUNE" ? user.municipalities.map((m) => m.municipalityId).sort((a, b) => a - b) : [],
  };
}

/** The logged-in actor of this request (pages, server actions, route handlers), or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = Number(session?.user?.id);
  const version = session?.user?.sessionVersion;
  if (!Number.isInteger(id) || id <= 0 || typeof version !== "number") return null;
  return loadActor(id, version);
}
