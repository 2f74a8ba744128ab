import { statisticsQuery } from "@/lib/api/parameters";
import { queryParameters } from "./parameters";
import { NEW_ARRANGEMENTS_FROM } from "@/lib/stats";
import { STAT_PAGE } from "@/lib/stats/pages";
import { ESTABLISHMENT_PERIODS } from "@/lib/domain/establishment";
import type { OpenApiFragment } from "./types";

/** The prose of the statistics routes' parameters; names and schemas come from the zod schema the routes parse with. */
const parameters = queryParameters(statisticsQuery.schema, {
  dato: {
    description: "Beregn statistikken per denne datoen (ÅÅÅÅ-MM-DD). Standard: i dag. Rapportens tall gjelder 2021-11-01.",
    example: "2021-11-01",
    schema: { format: "date" },
  },
  region: {
    description: "Kommuneregion (drammensregionen, kongsbergregionen, ringeriksregionen, hallingdal, hadeland) eller «alle». Standard: de 25 kartlagte kommunene.",
    example: "hallingdal",
  },
});
const badRequest = {
  description: "Ugyldig dato eller ukjent region",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Feil" } } },
};
const count = { type: "integer", minimum: 0 };
const nullableNumber = { type: ["number", "null"] };
const scope = {
  dato: { type: "string", format: "date" },
  region: { type: ["string", "null"], description: "Valgt region, «alle», eller null for de 25 kartlagte kommunene" },
};

/** Endpoints for the live statistics (/api/v1/statistikk…). */
export const statisticsApi: OpenApiFragment = {
  tags: [{ name: "Statistikk", description: "Rapportens statistikk, beregnet fra registeret ved hver forespørsel" }],
  paths: {
    "/api/v1/statistikk": {
      get: {
        operationId: "getStatistics",
        tags: ["Statistikk"],
        summary: "Hovedtallene fra rapporten, levende",
        description:
          "Antall ordninger og kommuner, snitt per kommune (totalt og etter innbyggertall), geografisk nivå, sektorer, etableringsperioder, ordninger over fylkesgrensene og juridiske tilknytningsformer. Definisjoner: docs/decisions/0020-statistics-definitions.md.",
        parameters,
        responses: {
          "200": { description: "Statistikken", content: { "application/json": { schema: { $ref: "#/components/schemas/Statistikk" } } } },
          "400": badRequest,
        },
      },
    },
    "/api/v1/statistikk/kommuner": {
      get: {
        operationId: "getMunicipalityStatistics",
        tags: ["Statistikk"],
        summary: `Ordninger og vertskommuneansvar per kommune (${STAT_PAGE.kommuner.reportRef}; ${STAT_PAGE.vertskommuner.reportRef})`,
        parameters,
        responses: {
          "200": { description: "Én rad per kommune i utvalget", content: { "application/json": { schema: { $ref: "#/components/schemas/StatistikkKommuner" } } } },
          "400": badRequest,
        },
      },
    },
    "/api/v1/statistikk/oppgaver": {
      get: {
        operationId: "getTaskAreaStatistics",
        tags: ["Statistikk"],
        summary: `${STAT_PAGE.oppgaver.title} (${STAT_PAGE.oppgaver.reportRef})`,
        parameters,
        responses: {
          "200": { description: "Én rad per oppgaveområde", content: { "application/json": { schema: { $ref: "#/components/schemas/StatistikkOppgaver" } } } },
          "400": badRequest,
        },
      },
    },
  },
  schemas: {
    Statistikk: {
      type: "object",
      required: ["dato", "antallOrdninger", "antallKommuner", "snittPerKommune", "snittEtterStorrelse", "nivaa", "sektorer", "etablering", "fylkesgrenser", "juridiskeFormer"],
      properties: {
        ...scope,
        antallOrdninger: { ...count, description: "Aktive ordninger med minst én aktiv deltaker i utvalget" },
        antallKommuner: { ...count, description: "Kommuner i utvalget" },
        snittPerKommune: { ...nullableNumber, description: "Gjennomsnittlig antall ordninger per kommune (rapporten: 34,0)" },
        snittEtterStorrelse: {
          type: "array",
          items: {
            type: "object",
            properties: {
              klasse: { type: "string", enum: ["under-5000", "5000-15000", "over-15000"] },
              navn: { type: "string" },
              antallKommuner: count,
              snitt: nullableNumber,
            },
          },
        },
        nivaa: {
          type: "object",
          description: "Ordninger etter antall deltakende kommuner (også utenfor utvalget): 2–3 lokalt, 4–8 regionalt, 9+ høyere nivå",
          properties: { lokalt: count, regionalt: count, hoyere: count },
        },
        sektorer: { type: "array", items: { type: "object", properties: { kode: { type: "string" }, navn: { type: "string" }, antall: count } } },
        etablering: {
          type: "array",
          items: {
            type: "object",
            properties: {
              periode: { type: "string", enum: ESTABLISHMENT_PERIODS.map((p) => p.apiKey) },
              navn: { type: "string" },
              antall: count,
            },
          },
        },
        nyeOrdninger: { ...count, description: `Ordninger etablert fra ${NEW_ARRANGEMENTS_FROM} til datoens år (Tabell 2.2)` },
        fylkesgrenser: {
          type: "object",
          properties: {
            totalt: count,
            fylkeskartPer: { type: "string", format: "date", description: "Fylkeskartet som avgjør om en ordning krysser fylkesgrensen (dagens)" },
            grupper: { type: "array", items: { type: "object", properties: { kode: { type: "string" }, navn: { type: "string" }, antall: count } } },
          },
        },
        juridiskeFormer: {
          type: "array",
          items: { type: "object", properties: { kode: { type: ["string", "null"], description: "null = ikke registrert" }, navn: { type: "string" }, antall: count } },
        },
        rapport2021: { type: "object", description: "Rapportens trykte tall (25 kommuner, 1. november 2021)" },
      },
    },
    StatistikkKommuner: {
      type: "object",
      required: ["dato", "kommuner"],
      properties: {
        ...scope,
        kommuner: {
          type: "array",
          items: {
            type: "object",
            properties: {
              kommunenummer: { type: ["string", "null"], description: "Kommunenummer gyldig på datoen" },
              kommunenummer2021: { type: ["string", "null"], description: "Kommunenummer 1.1.2021 (rapportens)" },
              navn: { type: "string" },
              innbyggere: { type: ["integer", "null"], description: "Innbyggere 1.1. i datoens år (eller siste kjente år før)" },
              antallOrdninger: count,
              vertskommuneFor: count,
              medBistandFraAndre: count,
              utenRegistrertVertskommune: count,
              rapport2021: {
                type: ["object", "null"],
                properties: { antallOrdninger: count, vertskommuneFor: count },
              },
            },
          },
        },
      },
    },
    StatistikkOppgaver: {
      type: "object",
      required: ["dato", "oppgaver"],
      properties: {
        ...scope,
        oppgaver: {
          type: "array",
          items: {
            type: "object",
            properties: {
              kode: { type: "string" },
              navn: { type: "string" },
              antallKommuner: { ...count, description: "Kommuner i utvalget som deltar i minst én ordning innen området" },
              prosent: nullableNumber,
              antallOrdninger: count,
              rapport2021: { type: ["object", "null"], properties: { antallKommuner: count, prosent: { type: "number" } } },
              trondelag2020Prosent: nullableNumber,
            },
          },
        },
      },
    },
  },
};
