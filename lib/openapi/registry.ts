import { arrangementListQuery } from "@/lib/api/parameters";
import { DEFAULT_PAGE_SIZE } from "@/lib/arrangements/filters";
import { facet, type ParameterDocs, queryParameters } from "./parameters";
import { QUALITY_RULE_CODES } from "@/lib/quality/rules";
import type { OpenApiFragment } from "./types";

/** The prose of GET /api/v1/ordninger's parameters; names and schemas come from the zod schema the route parses with. */
const ARRANGEMENT_LIST_PARAMETERS: ParameterDocs<typeof arrangementListQuery.schema> = {
  kommune: { description: facet("Kommunenummer (dagens eller 2021-nummer, også eldre) eller kommune-id."), example: "3301" },
  region: { description: facet("Kommuneregion (id), f.eks. hallingdal."), example: "hallingdal" },
  sektor: {
    description: facet("Sektorkode: ADMIN, HEALTH, SOCIAL, EDUCATION, PLANNING, AGRICULTURE, TECHNICAL, FIRE, CULTURE, BUSINESS, REGIONAL_POLITICAL (små eller store bokstaver)."),
    example: "health",
    anyCase: true,
  },
  oppgave: { description: facet("Oppgaveområde (id fra tabell 3.1), f.eks. legevakt."), example: "legevakt" },
  form: {
    description: facet("Juridisk form: AGREEMENT, HOST_ADMIN, HOST_BOARD, OLD_27, IPR, KO, IKS, AS, FOUNDATION, ANS_DA, SA, ASSOCIATION, PBL_PLAN, eller UKJENT."),
    example: "iks",
    anyCase: true,
  },
  nivaa: { description: facet("Geografisk nivå: lokalt (2–3 kommuner), regionalt (4–8), hoyere (9 eller flere).") },
  etablert: { description: facet("Etableringsperiode: etter-2021, 2015-2021, 2000-2014, for-2000, uspesifisert, ukjent.") },
  kryss: { description: "Over fylkesgrense (dagens fylker)" },
  status: { description: "Aktive eller avsluttede på datoen (standard: alle uten dato, aktive med dato)" },
  dato: { description: "Per dato (ÅÅÅÅ-MM-DD)", example: "2021-11-01", schema: { format: "date" } },
  sok: {
    description:
      "Fritekst: navn, forkortelse (IKS, LVS, IKT), juridisk form (IKS, KO, IPR, AS, vertskommune), kommune eller kommunenummer. Alle ord må passe. Ord på inntil tre tegn må passe et helt ord («Ål» finner ikke Alvdal); lengre ord kan være starten på et ord. Store/små bokstaver og æ/ø/å spiller ingen rolle («al» og «Aal» finner Ål). En kommune gir ordningene den deltar i.",
  },
  sorter: { description: "Sortering (standard: navn; relevans når sok er oppgitt)" },
  retning: { description: "Sorteringsretning (standard: stigende; synkende ved relevans)" },
  side: { description: "Sidenummer, fra 1", schema: { default: 1 } },
  antall: { description: "Ordninger per side", schema: { default: DEFAULT_PAGE_SIZE } },
  skjul: { description: "Kolonner som skjules på siden /ordninger (kommaseparert); påvirker ikke svaret fra API-et." },
};

const error400 = { description: "Ugyldige eller ukjente parametere", content: { "application/json": { schema: { $ref: "#/components/schemas/Feil" } } } };
const error404 = { description: "Finnes ikke", content: { "application/json": { schema: { $ref: "#/components/schemas/Feil" } } } };

const municipalityRef = {
  type: "object",
  required: ["kommunenummer", "navn"],
  properties: {
    kommunenummer: { type: ["string", "null"], description: "Dagens kommunenummer (fire sifre)", example: "3301" },
    navn: { type: "string", example: "Drammen" },
  },
};

/** Endpoints for arrangements and municipalities (/api/v1/ordninger, /api/v1/kommuner). */
export const registryApi: OpenApiFragment = {
  tags: [{ name: "Register", description: "Samarbeidsordninger og kommuner" }],
  paths: {
    "/api/v1/ordninger": {
      get: {
        operationId: "listArrangements",
        tags: ["Register"],
        summary: "Søk i og filtrer samarbeidsordningene",
        description:
          "Samme filtre som siden /ordninger. Uten `dato` gjelder deltakerne i dag og alle ordninger tas med; med `dato` vises ordningene som var aktive den dagen, med deltakerne den dagen. Ugyldige parametere eller ukjente verdier gir 400 med forklaring.",
        parameters: queryParameters(arrangementListQuery.schema, ARRANGEMENT_LIST_PARAMETERS),
        responses: {
          "200": { description: "Én side med ordninger", content: { "application/json": { schema: { $ref: "#/components/schemas/OrdningListe" } } } },
          "400": error400,
        },
      },
    },
    "/api/v1/ordninger/{id}": {
      get: {
        operationId: "getArrangement",
        tags: ["Register"],
        summary: "Én samarbeidsordning med deltakerhistorikk, årsverk og kilder",
        parameters: [{ name: "id", in: "path", required: true, description: "Ordningens id (slug); et numerisk id gir 308 til slug-adressen", schema: { type: "string" }, example: "ikt-hallingdal" }],
        responses: {
          "200": { description: "Ordningen", content: { "application/json": { schema: { $ref: "#/components/schemas/OrdningDetalj" } } } },
          "308": { description: "Numerisk id: videresending til slug-adressen" },
          "404": error404,
        },
      },
    },
    "/api/v1/kommuner": {
      get: {
        operationId: "listMunicipalities",
        tags: ["Register"],
        summary: "Alle kommuner med antall ordninger i dag (de 25 kartlagte først)",
        responses: { "200": { description: "Kommunene", content: { "application/json": { schema: { $ref: "#/components/schemas/KommuneListe" } } } } },
      },
    },
    "/api/v1/kommuner/{nummer}": {
      get: {
        operationId: "getMunicipality",
        tags: ["Register"],
        summary: "Én kommune: nøkkeltall mot Rapport 2021 og ordningene",
        parameters: [
          { name: "nummer", in: "path", required: true, description: "Dagens kommunenummer eller kommune-id; eldre nummer gir 308 til dagens", schema: { type: "string" }, example: "3301" },
        ],
        responses: {
          "200": { description: "Kommunen", content: { "application/json": { schema: { $ref: "#/components/schemas/KommuneDetalj" } } } },
          "308": { description: "Eldre kommunenummer: videresending til dagens nummer" },
          "404": error404,
        },
      },
    },
  },
  schemas: {
    Ordning: {
      type: "object",
      required: ["id", "navn", "sektor", "oppgaver", "juridiskForm", "vertskommune", "deltakere", "etableringsaar", "organisasjonsnummer", "kilde", "kvalitet"],
      properties: {
        id: { type: "string", example: "ikt-hallingdal" },
        navn: { type: "string" },
        kortnavn: { type: ["string", "null"] },
        sektor: { type: "object", properties: { kode: { type: "string" }, navn: { type: "string" } } },
        oppgaver: { type: "array", items: { type: "object", properties: { id: { type: "string" }, navn: { type: "string" } } } },
        juridiskForm: {
          type: ["object", "null"],
          properties: { kode: { type: "string" }, navn: { type: "string" }, utledet: { type: "boolean", description: "Utledet av navn/tekst, ikke oppgitt i kilden" } },
        },
        vertskommune: { oneOf: [municipalityRef, { type: "null" }] },
        deltakere: {
          type: "array",
          items: { ...municipalityRef, properties: { ...municipalityRef.properties, rolle: { type: "string", enum: ["OWNER", "MEMBER", "BUYER"] } } },
        },
        antallDeltakere: { type: "integer", description: "Største av navngitte deltakere og trykt antall" },
        nivaa: { type: "string", enum: ["lokalt", "regionalt", "hoyere"] },
        overFylkesgrense: { type: "boolean" },
        etableringsaar: { type: ["integer", "null"] },
        etablert: { type: "string", description: "År, periode, «Over lenger tid» eller «Ukjent»" },
        sluttdato: { type: ["string", "null"], format: "date" },
        aktiv: { type: "boolean" },
        organisasjonsnummer: {
          type: ["string", "null"],
          pattern: "^\\d{9}$",
          description: "Organisasjonsnummer i Enhetsregisteret; enheten finnes på https://data.brreg.no/enhetsregisteret/oppslag/enheter/{organisasjonsnummer}",
        },
        kilde: { type: ["string", "null"], example: "NIVI 2021, Tabell 5.1, rad 3" },
        lenke: { type: "string" },
        kvalitet: {
          type: "array",
          description:
            "Registerets datakvalitetsmerknader for ordningen (docs/decisions/0046): opplysninger som mangler eller bør bekreftes. Tom for en ordning uten merknader og for avsluttede ordninger.",
          items: { $ref: "#/components/schemas/Kvalitetsmerknad" },
        },
      },
    },
    Kvalitetsmerknad: {
      type: "object",
      required: ["kode", "tittel", "melding", "grunnlag"],
      properties: {
        kode: {
          type: "string",
          description: "Stabil kode for regelen",
          enum: [...QUALITY_RULE_CODES],
          example: "vertskommune-mangler",
        },
        tittel: { type: "string", example: "Vertskommune mangler" },
        melding: { type: "string", description: "Hva merknaden gjelder for denne ordningen" },
        grunnlag: { type: "string", description: "Lovhjemmel, eller hva regelen tjener når ingen lov krever det", example: "Kommuneloven §§ 20-2 og 20-3" },
      },
    },
    OrdningListe: {
      type: "object",
      required: ["antallTotalt", "side", "antall", "ordninger"],
      properties: {
        antallTotalt: { type: "integer" },
        side: { type: "integer" },
        antall: { type: "integer" },
        antallSider: { type: "integer" },
        dato: { type: "string", format: "date", description: "Datoen deltakere og nivå er beregnet for" },
        ordninger: { type: "array", items: { $ref: "#/components/schemas/Ordning" } },
      },
    },
    OrdningDetalj: {
      allOf: [
        { $ref: "#/components/schemas/Ordning" },
        {
          type: "object",
          properties: {
            beskrivelse: { type: ["string", "null"] },
            merknader: { type: ["string", "null"] },
            samarbeidsavtale: {
              type: "object",
              description: "Den skriftlige samarbeidsavtalen (selskapsavtalen for IKS), slik den er registrert",
              properties: {
                inngaatt: { type: ["string", "null"], format: "date" },
                revidert: { type: ["string", "null"], format: "date" },
                lenke: { type: ["string", "null"], format: "uri" },
                pdf: {
                  type: ["object", "null"],
                  properties: {
                    filnavn: { type: "string" },
                    storrelse: { type: "integer", description: "Byte" },
                    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
                    lenke: { type: "string", description: "Nedlasting av PDF-en", example: "/ordninger/ikt-hallingdal/avtale" },
                  },
                },
              },
            },
            deltakerhistorikk: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  kommunenummer: { type: ["string", "null"] },
                  navn: { type: "string" },
                  rolle: { type: "string" },
                  fra: { type: ["string", "null"], format: "date" },
                  til: { type: ["string", "null"], format: "date" },
                  kilde: { type: ["string", "null"] },
                },
              },
            },
            aarsverk: { type: "array", items: { type: "object", properties: { aar: { type: "integer" }, aarsverk: { type: "number" }, kilde: { type: ["string", "null"] } } } },
            kilder: {
              type: "array",
              items: { type: "object", properties: { felt: { type: "string" }, kilde: { type: "string" }, utledet: { type: "boolean" }, merknad: { type: ["string", "null"] } } },
            },
          },
        },
      ],
    },
    Kommune: {
      type: "object",
      properties: {
        kommunenummer: { type: ["string", "null"] },
        kommunenummer2021: { type: ["string", "null"] },
        id: { type: "string" },
        navn: { type: "string" },
        kartlagt2021: { type: "boolean" },
        region: { type: ["object", "null"], properties: { id: { type: "string" }, navn: { type: "string" } } },
        fylke: { type: ["string", "null"] },
        antallOrdninger: { type: "integer" },
        vertskommuneFor: { type: "integer" },
        bistandFraAndre: { type: "integer" },
        lenke: { type: "string" },
      },
    },
    KommuneListe: { type: "object", properties: { antallTotalt: { type: "integer" }, kommuner: { type: "array", items: { $ref: "#/components/schemas/Kommune" } } } },
    KommuneDetalj: {
      type: "object",
      properties: {
        kommunenummer: { type: ["string", "null"] },
        kommunenummer2021: { type: ["string", "null"] },
        kommunenummerHistorikk: {
          type: "array",
          items: { type: "object", properties: { kommunenummer: { type: "string" }, fra: { type: "string", format: "date" }, til: { type: ["string", "null"], format: "date" } } },
        },
        id: { type: "string" },
        navn: { type: "string" },
        nokkeltall: {
          type: "array",
          items: {
            type: "object",
            properties: {
              navn: { type: "string" },
              rapport2021: { type: ["integer", "null"] },
              registeret20211101: { type: "integer" },
              registeretNaa: { type: "integer" },
              forklaring: { type: ["string", "null"] },
            },
          },
        },
        ordninger: { type: "array", items: { $ref: "#/components/schemas/Ordning" } },
      },
    },
  },
};
