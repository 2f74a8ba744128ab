// ESLint (flat config): Next's rules (core web vitals + typescript-eslint), the layering rules from
// docs/decisions (lib never imports app/components/scripts, no import cycles), a size limit for lib
// modules, and eslint-config-prettier last so no stylistic rule fights Prettier.
// Run by `npm run lint` and by `npm test` with --max-warnings 0.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  {
    ignores: ["lib/generated/**", ".next/**", "node_modules/**", "coverage/**", "test-results/**", "playwright-report/**", ".data/**", "scratch/**", "next-env.d.ts"],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    name: "samarbeid/imports",
    files: ["**/*.{js,mjs,ts,tsx}"],
    settings: {
      // The generated Prisma client is large and never imports our code, so no cycle can run through
      // it; not parsing it keeps import/no-cycle fast.
      "import/ignore": ["lib/generated/", "node_modules/"],
    },
    rules: {
      // lib/ is the domain layer: it is used by app/, components/ and scripts/, never the other way round.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ importerer aldri fra app/." },
            { target: "./lib", from: "./components", message: "lib/ importerer aldri fra components/." },
            { target: "./lib", from: "./scripts", message: "lib/ importerer aldri fra scripts/." },
          ],
        },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    name: "samarbeid/conventions",
    rules: {
      // `const { dropped: _dropped, ...rest } = row` is how the code base omits a field; `_x` marks an unused parameter.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // A `let` read (e.g. by a shutdown handler) before its first assignment cannot become `const`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    name: "samarbeid/lib-size",
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/generated/**"],
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  prettier,
];

export default config;
