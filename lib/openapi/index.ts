import { registryApi } from "./registry";
import { snapshotsApi } from "./snapshots";
import { statisticsApi } from "./statistics";
import type { OpenApiFragment } from "./types";

const fragments: OpenApiFragment[] = [registryApi, statisticsApi, snapshotsApi];

const errorSchema = {
  type: "object",
  required: ["feil"],
  properties: {
    feil: { type: "string", description: "Feilmelding på norsk" },
    detaljer: { type: "array", items: { type: "object", properties: { felt: { type: "string" }, melding: { type: "string" } } } },
  },
};

/** The OpenAPI 3.1 document served at /api/v1/openapi.json, assembled from each domain's fragment. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Samarbeidsregisteret – åpent API",
      version: "1.0.0",
      description:
        "Åpne data om interkommunale samarbeidsordninger i Buskerud og nabokommunene. Datagrunnlag: NIVI Analyse 2021 for Statsforvalteren i Oslo og Viken, holdt oppdatert av kommunene. Alle tall beregnes fra registeret ved hver forespørsel.",
      license: { name: "NLOD 2.0", url: "https://data.norge.no/nlod/no/2.0" },
    },
    servers: [{ url: "/" }],
    tags: fragments.flatMap((f) => f.tags),
    paths: Object.assign({}, ...fragments.map((f) => f.paths)),
    components: { schemas: Object.assign({ Feil: errorSchema }, ...fragments.map((f) => f.schemas)) },
  };
}
