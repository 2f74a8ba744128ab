import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymousRequest, disconnectDatabase, prisma } from "@/lib/db";
import { createTestDatabase } from "@/tests/helpers/database";

// Next's server sets this before loading its request storage; so must a test that imitates a request.
vi.hoisted(async () => {
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= (await import("node:async_hooks")).AsyncLocalStorage;
});

/**
 * DATABASE_READ_URL (issue #14): a second database stands in for the replica, with one arrangement
 * renamed, so every read shows which database answered.
 */
let primary: Awaited<ReturnType<typeof createTestDatabase>>;
let replica: Awaited<ReturnType<typeof createTestDatabase>>;
const SLUG = "innkjopssamarbeid-al-hol";

/** Runs `work` as Next would for an HTTP request with (or without) a session cookie. */
function asRequest<T>(cookies: string[], work: () => Promise<T>): Promise<T> {
  const store = { type: "request", cookies: { has: (name: string) => cookies.includes(name) } } as unknown as Parameters<typeof workUnitAsyncStorage.run>[0];
  return workUnitAsyncStorage.run(store, work);
}
const nameNow = async () => (await prisma.arrangement.findUniqueOrThrow({ where: { slug: SLUG }, select: { name: true } })).name;

beforeAll(async () => {
  primary = await createTestDatabase("seeded");
  replica = await createTestDatabase("seeded");
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  await client.query(`UPDATE "Arrangement" SET name = 'Fra replikaen' WHERE slug = $1`, [SLUG]);
  // The replica has an applied change the primary lacks, so its registry version differs.
  await client.query(`INSERT INTO "AuditEvent" (action, summary) VALUES ('test', 'Bare i replikaen')`);
  await client.end();
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_READ_URL = replica.url;
});
afterAll(async () => {
  await disconnectDatabase();
  delete process.env.DATABASE_READ_URL;
  await primary.drop();
  await replica.drop();
});

describe("read replica", () => {
  it("anonymous requests read from the replica", async () => {
    expect(await asRequest([], () => Promise.resolve(anonymousRequest()))).toBe(true);
    expect(await asRequest([], nameNow)).toBe("Fra replikaen");
  });

  it("logged-in users (session cookie, also the https name) read from the primary", async () => {
    expect(await asRequest(["next-auth.session-token"], nameNow)).not.toBe("Fra replikaen");
    expect(await asRequest(["__Secure-next-auth.session-token"], nameNow)).not.toBe("Fra replikaen");
  });

  it("scripts and tests (no request) use the primary", async () => {
    expect(anonymousRequest()).toBe(false);
    expect(await nameNow()).not.toBe("Fra replikaen");
  });

  it("the registry version is read where the data is read (lib/http/kept-answers.ts keys kept pages by it)", async () => {
    const { registryVersion } = await import("@/lib/registry/version");
    const fromReplica = await asRequest([], () => registryVersion());
    const fromPrimary = await asRequest(["next-auth.session-token"], () => registryVersion());
    expect(fromReplica.token).not.toBe(fromPrimary.token);
    // The proxy has no request store and says who asks.
    expect((await registryVersion({ anonymous: true })).token).toBe(fromReplica.token);
    expect((await registryVersion({ anonymous: false })).token).toBe(fromPrimary.token);
    expect((await registryVersion()).token).toBe(fromPrimary.token);
  });

  it("writes and transactions go to the primary even in an anonymous request", async () => {
    await asRequest([], () => prisma.$transaction((tx) => tx.arrangement.update({ where: { slug: SLUG }, data: { description: "Skrevet i primæren" } })));
    const check = new pg.Client({ connectionString: primary.url });
    await check.connect();
    const { rows } = await check.query(`SELECT description FROM "Arrangement" WHERE slug = $1`, [SLUG]);
    await check.end();
    expect(rows[0].description).toBe("Skrevet i primæren");
  });
});
