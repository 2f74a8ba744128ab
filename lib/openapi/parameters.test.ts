import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { arrangementListQuery, comparisonQuery, statisticsQuery } from "@/lib/api/parameters";
import { openApiDocument } from "./index";
import type { ParameterDocs } from "./parameters";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Each documented path's query parameters, by the name of the spec its route parses with (null: none). */
const ROUTE_QUERIES = {
  "/api/v1/ordninger": ["arrangementListQuery", arrangementListQuery.schema],
  "/api/v1/ordninger/{id}": null,
  "/api/v1/kommuner": null,
  "/api/v1/kommuner/{nummer}": null,
  "/api/v1/statistikk": ["statisticsQuery", statisticsQuery.schema],
  "/api/v1/statistikk/kommuner": ["statisticsQuery", statisticsQuery.schema],
  "/api/v1/statistikk/oppgaver": ["statisticsQuery", statisticsQuery.schema],
  "/api/v1/oyeblikksbilder": null,
  "/api/v1/sammenligning": ["comparisonQuery", comparisonQuery.schema],
} as const;

type Operation = { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] };

function operation(document: ReturnType<typeof openApiDocument>, apiPath: string): Operation {
  const entry: unknown = Object.entries(document.paths).find(([p]) => p === apiPath)?.[1];
  if (typeof entry !== "object" || entry === null || !("get" in entry)) throw new Error(`${apiPath} mangler i OpenAPI-dokumentet`);
  const get: Operation = Object.assign({}, entry.get);
  return get;
}

const routeFile = (apiPath: string) => path.join(ROOT, "app", apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

describe("OpenAPI query parameters", () => {
  const document = openApiDocument();

  it("lists every documented path, and no other", () => {
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(ROUTE_QUERIES).sort());
  });

  for (const [apiPath, query] of Object.entries(ROUTE_QUERIES)) {
    it(`${apiPath}: the documented query parameters are the keys of the schema its route parses with`, () => {
      const documented = (operation(document, apiPath).parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      expect(documented).toEqual(query ? Object.keys(query[1].shape) : []);
      const source = readFileSync(routeFile(apiPath), "utf8");
      if (query) expect(source).toContain(`apiQueryRoute(${query[0]},`);
      else expect(source).not.toContain("apiQueryRoute(");
    });
  }

  it("takes each parameter's schema from zod", () => {
    const list = operation(document, "/api/v1/ordninger").parameters ?? [];
    const byName = new Map(list.map((p) => [p.name, p.schema]));
    expect(byName.get("antall")).toEqual({ type: "integer", minimum: 1, maximum: 100, default: 25 });
    expect(byName.get("nivaa")).toEqual({ type: "array", maxItems: 200, items: { type: "string", enum: ["lokalt", "regionalt", "hoyere"] } });
    expect(byName.get("sektor")).toEqual({ type: "array", maxItems: 200, items: { type: "string" } });
    expect(byName.get("dato")).toMatchObject({ type: "string", format: "date" });
  });

  it("requires prose for exactly the schema's keys (checked by the type checker)", () => {
    const docs: ParameterDocs<typeof statisticsQuery.schema> = { dato: { description: "d" }, region: { description: "r" } };
    // @ts-expect-error a parameter the schema does not accept cannot be documented
    const extra: ParameterDocs<typeof statisticsQuery.schema> = { ...docs, fylke: { description: "f" } };
    // @ts-expect-error every parameter the schema accepts must be documented
    const missing: ParameterDocs<typeof statisticsQuery.schema> = { dato: { description: "d" } };
    expect(Object.keys(docs)).toEqual(Object.keys(statisticsQuery.schema.shape));
    expect([extra, missing]).toHaveLength(2);
  });
});
