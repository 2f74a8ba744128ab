import type pg from "pg";
import { describe, expect, it } from "vitest";

const { latestEvent } = await import("@/lib/registry/version");

/** A pool whose queries finish only when the test says so; records when each query was sent. */
function fakePool() {
  const sent: { resolve: (id: number) => void }[] = [];
  const pool = {
    query: () =>
      new Promise((resolve) => {
        sent.push({ resolve: (id: number) => resolve({ rows: [{ id, ms: id * 1000 }] }) });
      }),
  } as unknown as pg.Pool;
  return { pool, sent };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("latestEvent (the registry version's query)", () => {
  it("a caller alone gets a query of its own", async () => {
    const { pool, sent } = fakePool();
    const read = latestEvent(pool);
    expect(sent).toHaveLength(1);
    sent[0]!.resolve(7);
    expect(await read).toEqual({ id: 7, ms: 7000 });
  });

  it("callers that come while a query runs share the next one, which starts after it: never a read begun before they came", async () => {
    const { pool, sent } = fakePool();
    const first = latestEvent(pool);
    // A change is committed now; these callers came after it, so they must not get the first read.
    const later = Array.from({ length: 20 }, () => latestEvent(pool));
    expect(sent).toHaveLength(1);
    sent[0]!.resolve(1);
    expect(await first).toEqual({ id: 1, ms: 1000 });
    await tick();
    expect(sent).toHaveLength(2);
    // One that comes while the second read runs waits for a third.
    const last = latestEvent(pool);
    sent[1]!.resolve(2);
    expect((await Promise.all(later)).map((e) => e?.id)).toEqual(Array(20).fill(2));
    await tick();
    expect(sent).toHaveLength(3);
    sent[2]!.resolve(3);
    expect(await last).toEqual({ id: 3, ms: 3000 });
  });

  it("a failed query fails its callers only; the next callers get a new query", async () => {
    const failing = { query: () => Promise.reject(new Error("nede")) } as unknown as pg.Pool;
    await expect(latestEvent(failing)).rejects.toThrow("nede");
    const { pool, sent } = fakePool();
    const read = latestEvent(pool);
    sent[0]!.resolve(4);
    expect((await read)?.id).toBe(4);
  });
});
