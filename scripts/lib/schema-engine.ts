import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm). Prisma's CLI would
 * download a native engine, which this environment cannot. The wasm build diffs two Prisma schemas
 * into exactly the SQL `prisma migrate dev` would write. (Introspecting a live database through the
 * pg adapter fails on pg_catalog's "char" columns, so drift is checked by comparing catalogs:
 * scripts/lib/drift.ts.)
 */
interface WasmEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
}
interface Bindings {
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<WasmEngine> };
}

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
      "./schema_engine_bg.js": bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return bg as Bindings;
  })();
  return bindings;
}

const noFilter = { externalTables: [], externalEnums: [] };

/**
 * SQL that turns a database shaped like `fromSchema` (null = empty database) into `toSchema`.
 * Returns "" when there is nothing to do. `databaseUrl` only needs to point at a reachable PostgreSQL.
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string, databaseUrl: string): Promise<string> {
  const { SchemaEngine } = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", toSchema]] }, () => {}, adapter);
  const result = await engine.diff({
    from: fromSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromSchema }] },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
    script: true,
    exitCode: null,
    filters: noFilter,
  });
  const sql = result.stdout ?? "";
  return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
}
