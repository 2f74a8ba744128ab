import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { prisma } from "@/lib/db";
import { provenanceFor } from "./provenance";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = (await useSeededRegistry()).drop;
});
afterAll(async () => {
  await prisma.$disconnect();
  // lib/db keeps one client per process on globalThis; forget it so no later file reuses this database.
  delete (globalThis as { prisma?: unknown }).prisma;
  await drop?.();
});

async function idOf(slug: string): Promise<number> {
  return (await prisma.arrangement.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("provenanceFor", () => {
  it("groups an arrangement's sources by field with Norwegian labels, stated before inferred facts explained", async () => {
    const groups = await provenanceFor(await idOf("kommuneadvokaten-i-kongsbergregionen"));
    const fields = groups.map((g) => g.field);
    expect(fields[0]).toBe("arrangement");
    expect(fields).toEqual(expect.arrayContaining(["arrangement", "host", "legalForm", "participants"]));
    const arrangement = groups[0]!;
    expect(arrangement.label).toBe("Ordningen (navn, sektor og deltakere)");
    expect(arrangement.entries.map((e) => e.source)).toContain("NIVI 2021, Tabell 5.1, rad 8");
    expect(arrangement.entries.every((e) => e.confidenceLabel === "Oppgitt i rapporten")).toBe(true);
    const host = groups.find((g) => g.field === "host")!;
    expect(host.label).toBe("Vertskommune");
    expect(host.entries).toEqual([
      expect.objectContaining({ confidence: "STATED", confidenceLabel: "Oppgitt i rapporten", note: expect.stringContaining("kommuneadvokaten i Kongsberg") }),
    ]);
    const legalForm = groups.find((g) => g.field === "legalForm")!;
    expect(legalForm.entries[0]).toMatchObject({ confidence: "INFERRED", confidenceLabel: "Utledet" });
    expect(legalForm.entries[0]!.note).toBeTruthy();
  });

  it("includes the sources of staffing figures", async () => {
    const groups = await provenanceFor(await idOf("hallinghelse"));
    expect(groups.find((g) => g.field === "staffing")?.entries.map((e) => e.source)).toEqual(["NIVI 2021, Tabell 2.3, rad 8"]);
  });

  it("returns an empty list for an unknown arrangement", async () => {
    expect(await provenanceFor(999_999)).toEqual([]);
  });
});
