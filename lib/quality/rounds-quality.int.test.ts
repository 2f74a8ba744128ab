import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MUTATIONS } from "@/lib/changes";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { qualityFindingsFor } from "./load";

/**
 * «ikke-bekreftet» (docs/decisions/0046) after a survey round (lib/rounds): a closed round in which
 * Ål confirmed and Drammen did not flags Drammen's arrangements that no confirming municipality
 * covered, and leaves alone what Ål confirmed and what no asked municipality takes part in.
 * Drammen confirming in the next round removes the warning.
 */
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;
beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const codesOf = async (id: number) => (await qualityFindingsFor(id)).map((f) => f.code);

async function arrangementWith(municipalityId: number, without: number[]): Promise<number> {
  const rows = await prisma.arrangement.findMany({
    where: { endDate: null, participations: { some: { municipalityId, leftOn: null } }, NOT: { participations: { some: { municipalityId: { in: without } } } } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 1,
  });
  expect(rows[0]).toBeDefined();
  return rows[0]!.id;
}

async function round(name: string, municipalityIds: number[], confirmBy: { actor: TestActors["alEditor"]; municipalityId: number }[]): Promise<void> {
  const opened = await MUTATIONS.openSurveyRound(t.adviser, { name, deadline: "2099-12-31", message: "", municipalityIds: municipalityIds.map(String) });
  expect(opened).toMatchObject({ ok: true });
  const roundId = opened.ok ? opened.roundId : undefined;
  for (const c of confirmBy) expect(await MUTATIONS.confirmSurveyOverview(c.actor, { roundId: String(roundId), municipalityId: String(c.municipalityId) })).toMatchObject({ ok: true });
  expect(await MUTATIONS.closeSurveyRound(t.adviser, { roundId: String(roundId) })).toMatchObject({ ok: true });
}

describe("quality rule «ikke-bekreftet» and survey rounds", () => {
  it("applies after a closed round, only within its scope, and goes away when the municipality confirms", async () => {
    const al = await t.municipality("al");
    const drammen = await t.municipality("drammen");
    const gol = await t.municipality("gol");
    const alOnly = await arrangementWith(al, [drammen]);
    const drammenOnly = await arrangementWith(drammen, [al]);
    const golOnly = await arrangementWith(gol, [al, drammen]);
    for (const id of [alOnly, drammenOnly, golOnly]) expect(await codesOf(id)).not.toContain("ikke-bekreftet");

    // Ål and Drammen are asked; only Ål confirms.
    await round("Kartlegging 2027", [al, drammen], [{ actor: t.alEditor, municipalityId: al }]);
    expect(await codesOf(alOnly)).not.toContain("ikke-bekreftet");
    expect(await codesOf(drammenOnly)).toContain("ikke-bekreftet");
    expect(await codesOf(golOnly)).not.toContain("ikke-bekreftet");

    // Fixed in the next round: Drammen confirms its overview.
    await round("Kartlegging 2028", [drammen], [{ actor: t.drammenEditor, municipalityId: drammen }]);
    expect(await codesOf(drammenOnly)).not.toContain("ikke-bekreftet");
  });
});
