import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/database";
import { migrate } from "@/scripts/lib/migrate";
import { MIGRATIONS_DIR } from "@/scripts/lib/prepare";
import { generateNationalDataset } from "@/scripts/generate-national-dataset";

/**
 * The map at national scale (scripts/generate-national-dataset.ts: 357 municipalities, ~3 600
 * arrangements): what the page gets stays small whatever the registry holds. The bound is on the
 * loader output (what the page renders from); the rendered HTML is measured by scripts/measure-kart.ts.
 */
let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase("empty");
  await migrate(db.url, MIGRATIONS_DIR);
  await generateNationalDataset(db.url);
  process.env.DATABASE_URL = db.url;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

describe("the map at national scale", () => {
  it("the default view draws every municipality in scope (points for those with a drawn link, dots for the rest) with a bounded number of links, lists the strongest instead of a 357 × 357 matrix, and stays small", async () => {
    const { loadMapView } = await import("@/lib/map");
    const view = await loadMapView({});
    expect(view.scope.municipalities).toBe(357);
    // Above NODE_LIMIT (300) only municipalities with a drawn link are points; every municipality is a
    // grey dot under them: the small multiples' background, sent once and scaled up to the drawing.
    // Each point once: neighbours in a region may round to the same point of the small canvas.
    const points = view.multiples.background.match(/M\d+ \d+h0/g) ?? [];
    expect(new Set(points).size).toBe(points.length);
    expect(points.length).toBeGreaterThan(357 / 2);
    expect(view.drawing.backdrop).toBe(view.drawing.width / view.multiples.width);
    expect(view.drawing.nodes.length).toBeLessThan(357);
    expect(view.drawing.nodes.length).toBeLessThanOrEqual(2 * view.drawing.links.length);
    expect(view.drawing.nodes.every(([, , x, y]) => Number.isInteger(x) && Number.isInteger(y))).toBe(true);
    expect(view.drawing.links.length).toBeLessThanOrEqual(150);
    expect(view.links.total).toBeGreaterThan(view.drawing.links.length);
    expect(view.matrix).toBeNull();
    expect(view.strongest).toHaveLength(30);
    expect(view.multiples.items.every((m) => m.shownLinks <= 30)).toBe(true);
    const bytes = Buffer.byteLength(JSON.stringify(view));
    console.log(`Kart, nasjonalt datasett: sidemodellen er ${bytes} byte`);
    expect(bytes).toBeLessThan(100_000);
  });

  it("a region gets its matrix, a chosen municipality only its own partners, and a wide-open minimum is still capped", async () => {
    const { loadMapView } = await import("@/lib/map");
    const region = await loadMapView({ region: "region-1" });
    expect(region.matrix?.municipalities).toHaveLength(6);
    const ego = await loadMapView({ kommune: "kommune-10" });
    expect(ego.ego?.name).toBe("Kommune 10");
    expect(ego.drawing.links.every(([a, b]) => a === 0 || b === 0)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(ego))).toBeLessThan(150_000);
    const open = await loadMapView({ minst: 1 });
    expect(open.drawing.links.length).toBeLessThanOrEqual(600);
    expect(open.links.capped).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(open))).toBeLessThan(150_000);
  });
});
