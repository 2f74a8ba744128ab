import type { OpenApiFragment } from "./types";

/** Endpoints for the live statistics (/api/v1/statistikk…). */
export const statisticsApi: OpenApiFragment = {
  tags: [{ name: "Statistikk", description: "Rapportens statistikk, beregnet fra registeret ved hver forespørsel" }],
  paths: {},
  schemas: {},
};
