import { describe, expect, it } from "vitest";
import { openApiDocument } from "./index";

/**
 * What `redocly lint` (recommended rules) checks that matters here, over the whole generated
 * document (@redocly/cli is not installed): operationIds, `security` defined, resolvable $refs,
 * declared path parameters, a licence with a URL, a non-empty server list.
 */

type Operation = { operationId?: string; security?: unknown[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };

const document = openApiDocument();
const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe("the OpenAPI document", () => {
  it("has operations", () => {
    expect(operations.length).toBeGreaterThanOrEqual(7);
  });

  it("gives every operation a unique operationId and `security: []`", () => {
    const ids = operations.map(({ op }) => op.operationId);
    for (const { path, op } of operations) {
      expect(op.operationId, path).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.security, path).toEqual([]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.security).toEqual([]);
  });

  it("documents 200 with validators, 304 and 400 on every operation", () => {
    for (const { path, op } of operations) {
      expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(["200", "304", "400"]));
      expect((op.responses["200"] as { headers: Record<string, unknown> }).headers, path).toHaveProperty("ETag");
    }
  });

  it("declares every path parameter", () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), path).toEqual(inPath.sort());
    }
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });

  it("has a licence with a URL, a server and a version", () => {
    expect(document.info.license.url).toMatch(/^https:\/\//);
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.openapi).toBe("3.1.0");
  });
});
