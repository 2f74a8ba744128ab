import type { OpenApiFragment } from "./types";

/** Endpoints for arrangements and municipalities (/api/v1/ordninger, /api/v1/kommuner). */
export const registryApi: OpenApiFragment = {
  tags: [{ name: "Register", description: "Samarbeidsordninger og kommuner" }],
  paths: {},
  schemas: {},
};
