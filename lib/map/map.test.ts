import { describe, expect, it } from "vitest";
import { parseBoundaries, polygonPath } from "./boundaries";
import { contrastRatio, HEAT_STEPS, heatLegend, heatStep, placeEgo, placeMunicipalities, thinLinks } from "./layout";
import { mapHref, parseMapParams } from "./params";
import { boundsOf, createProjection } from "./projection";

describe("map helpers", () => {
  it("projects north up and west left inside the canvas", () => {
    const projection = createProjection(
      boundsOf([
        { lat: 59.7, lon: 10.2 },
        { lat: 60.6, lon: 8.5 },
      ]),
    );
    const drammen = projection.project(59.7, 10.2);
    const al = projection.project(60.6, 8.5);
    expect(al.x).toBeLessThan(drammen.x);
    expect(al.y).toBeLessThan(drammen.y);
    for (const p of [drammen, al]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(projection.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(projection.height);
    }
  });

  it("thins links to the strongest so the drawing stays readable, or uses the chosen minimum", () => {
    const links = [1, 1, 1, 2, 2, 3, 5, 8].map((weight, i) => ({ a: i, b: i + 1, weight }));
    const auto = thinLinks(links, 3);
    expect(auto.minWeight).toBe(3);
    expect(auto.drawn.map((l) => l.weight)).toEqual([8, 5, 3]);
    expect(auto.capped).toBe(false);
    const chosen = thinLinks(links, 3, 1, 5);
    expect(chosen.minWeight).toBe(1);
    expect(chosen.drawn).toHaveLength(5);
    expect(chosen.capped).toBe(true);
  });

  it("places municipalities geographically when all have coordinates, otherwise schematically by region", () => {
    const geo = placeMunicipalities([
      { id: 1, latitude: 59.7, longitude: 10.2 },
      { id: 2, latitude: 60.6, longitude: 8.5 },
    ]);
    expect(geo.projection).not.toBeNull();
    const schematic = placeMunicipalities(Array.from({ length: 12 }, (_, i) => ({ id: i + 1, latitude: null, longitude: null, regionId: Math.floor(i / 6) })));
    expect(schematic.projection).toBeNull();
    expect(schematic.positions.size).toBe(12);
    for (const p of schematic.positions.values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(schematic.width);
      expect(p.y).toBeLessThanOrEqual(schematic.height);
    }
    const ego = placeEgo(1, [2, 3, 4]);
    expect(ego.positions.get(1)).toEqual({ x: ego.width / 2, y: ego.height / 2 });
    expect(ego.positions.get(2)!.y).toBeLessThan(ego.height / 2);
  });

  it("heat scale: zero is step 0, the maximum the darkest step, and every step has text contrast of at least 4.5:1", () => {
    expect(heatStep(0, 40)).toBe(0);
    expect(heatStep(1, 40)).toBe(1);
    expect(heatStep(40, 40)).toBe(4);
    expect(heatStep(3, 3)).toBe(3);
    expect(heatLegend(8)).toEqual([
      { step: 1, from: 1, to: 2 },
      { step: 2, from: 3, to: 4 },
      { step: 3, from: 5, to: 6 },
      { step: 4, from: 7, to: 8 },
    ]);
    for (const step of HEAT_STEPS) expect(contrastRatio(step.background, step.color)).toBeGreaterThanOrEqual(4.5);
  });

  it("parses the map's parameters with Norwegian messages and builds its links", () => {
    expect(parseMapParams(new URLSearchParams("region=hallingdal&kommune=3328&sektor=health&minst=2&dato=2021-11-01"))).toEqual({
      ok: true,
      query: { region: "hallingdal", kommune: "3328", sektor: "HEALTH", minst: 2, dato: "2021-11-01" },
    });
    expect(parseMapParams({ minst: "0" })).toMatchObject({ ok: false, message: expect.stringContaining("minst 1") });
    expect(parseMapParams({ dato: "2021-02-30" })).toMatchObject({ ok: false, message: expect.stringContaining("finnes ikke") });
    expect(parseMapParams({ kommune: "Ål!" }).ok).toBe(false);
    expect(mapHref({ region: "hallingdal", sektor: "HEALTH" }, { kommune: "al" })).toBe("/kart?region=hallingdal&kommune=al&sektor=health");
    expect(mapHref({ kommune: "al" }, { kommune: undefined })).toBe("/kart");
  });

  it("reads GeoJSON boundaries by kommunenummer and skips invalid features", () => {
    const parsed = parseBoundaries({
      type: "FeatureCollection",
      features: [
        {
          properties: { kommunenummer: "3301" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [10, 59],
                [10.5, 59],
                [10.5, 59.5],
                [10, 59],
              ],
            ],
          },
        },
        {
          properties: { kommunenummer: 3303 },
          geometry: {
            type: "MultiPolygon",
            coordinates: [
              [
                [
                  [9, 59],
                  [9.5, 59],
                  [9, 59.5],
                  [9, 59],
                ],
              ],
            ],
          },
        },
        { properties: { navn: "uten nummer" }, geometry: { type: "Polygon", coordinates: [] } },
        { properties: { kommunenummer: "3305" }, geometry: { type: "Point", coordinates: [10, 60] } },
      ],
    });
    expect(parsed.map((p) => p.code)).toEqual(["3301", "3303"]);
    const path = polygonPath(
      parsed[0]!.polygons,
      createProjection(
        boundsOf([
          { lat: 59, lon: 9 },
          { lat: 60, lon: 11 },
        ]),
      ),
    );
    expect(path).toMatch(/^M[\d.]+ [\d.]+L.*Z$/);
    expect(parseBoundaries("not json")).toEqual([]);
  });
});
