import { siteConfig } from "@/lib/config/site";
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

const validatorHeaders = {
  ETag: { description: "Versjon av svaret; send den tilbake i If-None-Match for å få 304 når ingenting er endret", schema: { type: "string" } },
  "Last-Modified": { description: "Tidspunktet for siste godkjente endring i registeret (eller dagens start)", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60, must-revalidate", schema: { type: "string" } },
};

/**
 * The conventions every operation shares (lib/api/http.ts): open to all (`security: []`), 304 on a
 * current If-None-Match/If-Modified-Since, validators on 200, 400 for unknown parameters.
 */
function withConventions(paths: Record<string, Record<string, { responses?: Record<string, Record<string, unknown>> }>>) {
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const responses = { ...operation.responses };
      if (responses["200"]) responses["200"] = { ...responses["200"], headers: validatorHeaders };
      responses["304"] = { description: "Uendret siden forrige henting (svar på If-None-Match eller If-Modified-Since)", headers: validatorHeaders };
      responses["400"] ??= { description: "Ukjent parameter", content: { "application/json": { schema: { $ref: "#/components/schemas/Feil" } } } };
      Object.assign(operation, { security: [], responses });
    }
  }
  return paths;
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json, assembled from each domain's fragment. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Samarbeidsregisteret – åpent API",
      version: "1.0.0",
      description:
        "Åpne data om interkommunale samarbeidsordninger i Buskerud og nabokommunene. Datagrunnlag: NIVI Analyse 2021 for Statsforvalteren i Oslo og Viken, holdt oppdatert av kommunene. Alle tall beregnes fra registeret ved hver forespørsel.",
      license: { name: siteConfig().license.name, url: siteConfig().license.url },
    },
    servers: [{ url: "/" }],
    tags: fragments.flatMap((f) => f.tags),
    security: [],
    paths: withConventions(Object.assign({}, ...fragments.map((f) => f.paths))) as Record<string, unknown>,
    components: { schemas: Object.assign({ Feil: errorSchema }, ...fragments.map((f) => f.schemas)) },
  };
}
