/**
 * Stands in for the `server-only` package under vitest (see vitest.config.ts). The package throws
 * outside a React Server Components build; the tests run lib's server modules in plain Node on purpose.
 */
export {};
