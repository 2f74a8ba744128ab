import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` marks lib modules that reach the database; it throws outside Next's server build, so
// the tests (plain Node) get an empty module instead. Next.js resolves it itself.
const alias = [
  { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "tests/helpers/empty.ts") },
  { find: "@", replacement: path.resolve(import.meta.dirname) },
];
const sources = ["lib/**/*.test.ts", "seed/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: sources,
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Answers are kept in memory only where a test asks for it (tests/integration/response-cache.int.test.ts).
          env: { RESPONSE_CACHE: "off" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: sources.map((glob) => glob.replace(".test.ts", ".int.test.ts")),
          exclude: ["node_modules/**"],
          environment: "node",
          env: { RESPONSE_CACHE: "off" },
          globalSetup: ["tests/helpers/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
