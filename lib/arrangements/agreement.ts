import "server-only";
import { prisma } from "@/lib/db";

/** The stored agreement PDF of the arrangement with this slug (for the download route); null when there is none. */
export async function agreementFileBySlug(slug: string): Promise<{ fileName: string; sha256: string; data: Uint8Array } | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const found = await prisma.agreementFile.findFirst({ where: { arrangement: { slug } }, select: { fileName: true, sha256: true, data: true } });
  return found;
}

/** What the edit page shows of the stored PDF (never the bytes). */
export async function agreementFileInfo(arrangementId: number): Promise<{ fileName: string; size: number; sha256: string; uploadedAt: Date } | null> {
  return prisma.agreementFile.findUnique({ where: { arrangementId }, select: { fileName: true, size: true, sha256: true, uploadedAt: true } });
}
