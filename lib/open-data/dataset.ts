import "server-only";
import { arrangementToApi } from "@/lib/arrangements/api";
import { arrangementExportColumns } from "@/lib/arrangements/export";
import { parseArrangementFilters } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { publicBaseUrl } from "@/lib/config/public-url";
import { siteConfig } from "@/lib/config/site";
import type { ExportColumn } from "@/lib/export/types";
import { qualityFindingsByArrangement } from "@/lib/quality/load";

/**
 * The whole registry as open data (/apne-data): every arrangement, active and ended, with today's
 * participants, as CSV, XLSX and JSON. The JSON items have the same shape as GET /api/v1/ordninger
 * (lib/arrangements/api.ts), so the JSON Schema below documents both.
 */

export const OPEN_DATA_FILES = {
  csv: "/apne-data/samarbeidsordninger.csv",
  xlsx: "/apne-data/samarbeidsordninger.xlsx",
  json: "/apne-data/samarbeidsordninger.json",
  schema: "/apne-data/samarbeidsordninger.schema.json",
  catalog: "/apne-data/katalog.jsonld",
} as const;

export const OPEN_DATA_FILENAME = "samarbeidsordninger";

/** Every arrangement in the registry (status=alle), as of today. */
export async function openDataRows(): Promise<{ rows: ArrangementRow[]; date: string }> {
  const parsed = parseArrangementFilters(new URLSearchParams("status=alle"));
  if (!parsed.ok) throw new Error(parsed.message);
  const { rows, resolved } = await listAllArrangements(parsed.filters, 1_000_000);
  return { rows, date: resolved.date };
}

/** The table columns of the CSV and XLSX files: the /ordninger download plus id, end date and status. */
export function openDataColumns(): ExportColumn<ArrangementRow>[] {
  return [
    { header: "ID", value: (r) => r.slug, width: 40 },
    ...arrangementExportColumns([], publicBaseUrl()),
    { header: "Sluttdato", value: (r) => r.endDate ?? null, width: 12 },
    { header: "Aktiv", value: (r) => r.active },
  ];
}

/** The JSON file: licence, date and every arrangement in the API's shape. */
export async function openDataJson() {
  const { rows, date } = await openDataRows();
  const findings = await qualityFindingsByArrangement(rows.map((r) => r.id));
  const site = siteConfig();
  return {
    $schema: `${publicBaseUrl()}${OPEN_DATA_FILES.schema}`,
    tittel: "Interkommunale samarbeidsordninger i Samarbeidsregisteret",
    utgiver: site.ownerName,
    lisens: site.license,
    dato: date,
    antallTotalt: rows.length,
    ordninger: rows.map((row) => arrangementToApi(row, findings.get(row.id))),
  };
}

const text = { type: "string" };
const nullableText = { type: ["string", "null"] };
const codeName = { type: "object", required: ["kode", "navn"], properties: { kode: text, navn: text } };

/** JSON Schema (2020-12) of the JSON file. */
export function openDataJsonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${publicBaseUrl()}${OPEN_DATA_FILES.schema}`,
    title: "Interkommunale samarbeidsordninger (Samarbeidsregisteret)",
    type: "object",
    required: ["tittel", "utgiver", "lisens", "dato", "antallTotalt", "ordninger"],
    properties: {
      $schema: text,
      tittel: text,
      utgiver: { ...text, description: "Hvem som har ansvar for registeret" },
      lisens: { type: "object", required: ["name", "url"], properties: { name: text, url: { type: "string", format: "uri" } } },
      dato: { type: "string", format: "date", description: "Deltakerne er slik de er per denne datoen" },
      antallTotalt: { type: "integer", minimum: 0 },
      ordninger: { type: "array", items: { $ref: "#/$defs/ordning" } },
    },
    $defs: {
      ordning: {
        type: "object",
        required: ["id", "navn", "sektor", "oppgaver", "juridiskForm", "vertskommune", "deltakere", "antallDeltakere", "nivaa", "aktiv", "lenke"],
        properties: {
          id: { type: "string", description: "Ordningens faste id (slug), brukt i /ordninger/{id} og /api/v1/ordninger/{id}" },
          navn: text,
          kortnavn: nullableText,
          sektor: codeName,
          oppgaver: { type: "array", items: { type: "object", required: ["id", "navn"], properties: { id: text, navn: text } } },
          juridiskForm: { oneOf: [{ type: "null" }, { type: "object", required: ["kode", "navn", "utledet"], properties: { kode: text, navn: text, utledet: { type: "boolean" } } }] },
          vertskommune: { oneOf: [{ type: "null" }, { type: "object", required: ["navn"], properties: { kommunenummer: nullableText, navn: text } }] },
          deltakere: {
            type: "array",
            items: { type: "object", required: ["navn", "rolle"], properties: { kommunenummer: nullableText, navn: text, rolle: { enum: ["OWNER", "MEMBER", "BUYER"] } } },
          },
          antallDeltakere: { type: "integer", minimum: 0 },
          nivaa: { type: "string", description: "lokalt, regionalt eller hoyere" },
          overFylkesgrense: { type: "boolean" },
          etableringsaar: { type: ["integer", "null"] },
          etablert: nullableText,
          sluttdato: { type: ["string", "null"], format: "date" },
          aktiv: { type: "boolean" },
          organisasjonsnummer: { type: ["string", "null"], pattern: "^[0-9]{9}$", description: "Organisasjonsnummer i Enhetsregisteret" },
          kilde: nullableText,
          lenke: text,
          kvalitet: {
            type: "array",
            description: "Datakvalitetsmerknader (docs/decisions/0046)",
            items: { type: "object", required: ["kode", "tittel", "melding", "grunnlag"], properties: { kode: text, tittel: text, melding: text, grunnlag: text } },
          },
        },
      },
    },
  };
}
