import { comparisonQuery } from "@/lib/api/parameters";
import { queryParameters } from "./parameters";
import type { OpenApiFragment } from "./types";

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Feil" } } } });
const ref = { type: "object", properties: { id: { type: "string" }, navn: { type: "string" }, lenke: { type: "string" } } };

/** Snapshots and comparisons (/api/v1/oyeblikksbilder, /api/v1/sammenligning), docs/decisions/0045. */
export const snapshotsApi: OpenApiFragment = {
  tags: [{ name: "Kartlegging", description: "Øyeblikksbilder fra kartleggingsrundene og sammenligning mellom dem" }],
  paths: {
    "/api/v1/oyeblikksbilder": {
      get: {
        operationId: "listSnapshots",
        tags: ["Kartlegging"],
        summary: "Lagrede øyeblikksbilder (Rapport 2021 og lukkede kartleggingsrunder)",
        responses: { "200": { description: "Øyeblikksbildene", content: { "application/json": { schema: { $ref: "#/components/schemas/OyeblikksbildeListe" } } } } },
      },
    },
    "/api/v1/sammenligning": {
      get: {
        operationId: "compareSnapshots",
        tags: ["Kartlegging"],
        summary: "Sammenlign to øyeblikksbilder, eller et øyeblikksbilde med registeret i dag",
        parameters: queryParameters(comparisonQuery.schema, {
          fra: { description: "Øyeblikksbilde (id) eller i-dag. Standard: rapport-2021.", example: "rapport-2021" },
          til: { description: "Øyeblikksbilde (id) eller i-dag. Standard: i-dag.", example: "i-dag" },
          kommune: { description: "Bare ordninger kommunen deltar i (kommune-id).", example: "al" },
        }),
        responses: {
          "200": { description: "Nye, avsluttede og endrede ordninger og antall per kommune", content: { "application/json": { schema: { $ref: "#/components/schemas/Sammenligning" } } } },
          "400": error("Ugyldig parameter"),
          "404": error("Ukjent øyeblikksbilde eller kommune"),
        },
      },
    },
  },
  schemas: {
    OyeblikksbildeListe: {
      type: "object",
      properties: {
        oyeblikksbilder: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              navn: { type: "string" },
              dato: { type: "string", format: "date" },
              antallOrdninger: { type: "integer" },
              kartleggingsrunde: { type: ["string", "null"] },
            },
          },
        },
      },
    },
    Sammenligning: {
      type: "object",
      properties: {
        fra: { type: "object" },
        til: { type: "object" },
        kommune: { type: ["object", "null"] },
        nye: { type: "array", items: ref },
        avsluttede: { type: "array", items: ref },
        endrede: { type: "array", items: ref },
        perKommune: {
          type: "array",
          items: { type: "object", properties: { id: { type: "string" }, navn: { type: "string" }, foer: { type: "integer" }, etter: { type: "integer" }, endring: { type: "integer" } } },
        },
      },
    },
  },
};
