import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine, which this environment cannot fetch.
// generate/validate/format work without it; migrations are applied by scripts/lib/migrate.ts
// (see docs/decisions/0002-migration-runner.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/samarbeidsregisteret" },
});
