import "server-only";
import { prisma } from "@/lib/db";

/** Every account for /admin: active first, then by name, with the municipalities' names. */
export async function listUsers() {
  return prisma.user.findMany({
    include: { municipalities: { include: { municipality: { select: { name: true } } } } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}

/** One account for /admin/brukere/[id]. */
export async function userDetail(id: number) {
  return prisma.user.findUnique({ where: { id }, include: { municipalities: true } });
}
