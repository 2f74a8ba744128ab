import { describe, expect, it } from "vitest";
import { parseBoundaries, polygonPath } from "./boundaries";
import { buildLinks, parseMapParams } from "./index";
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

  it("weights links by the number of shared arrangements", () => {
    const links = buildLinks([
      { id: 1, participantIds: [1, 2, 3] },
      { id: 2, participantIds: [2, 1] },
    ]);
    expect(links[0]).toEqual({ key: "1-2", a: 1, b: 2, weight: 2, arrangementIds: [1, 2] });
    expect(links).toHaveLength(3);
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

  it("validates the map's own parameters", () => {
    expect(parseMapParams(new URLSearchParams("minst=3&ordning=ika-kongsberg"))).toMatchObject({ ok: true, minst: 3, ordning: "ika-kongsberg" });
    expect(parseMapParams(new URLSearchParams("minst=0")).ok).toBe(false);
    expect(parseMapParams(new URLSearchParams("ordning=<x>")).ok).toBe(false);
  });
});
