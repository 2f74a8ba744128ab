import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { prisma } from "@/lib/db";
import { shippedMigrations } from "@/lib/registry/migration-status";
import { useSeededRegistry } from "@/tests/helpers/database";

/** /api/health reports migrations that ship with the build but have not run (issue #14, operations). */
let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("GET /api/health and migrations", () => {
  it("a fully migrated database is healthy and says how many migrations ran", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" }, migrations: { status: "ok", applied: shippedMigrations().length } });
  });

  it("a migration that did not run makes the instance unhealthy (503), naming it in Norwegian", async () => {
    const newest = shippedMigrations().at(-1);
    expect(newest).toBeDefined();
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${newest}`;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ status: "feil", migrations: { status: "venter", pending: [newest], melding: "1 migrering er ikke kjørt mot databasen" } });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = ${newest}`;
    }
  });
});
