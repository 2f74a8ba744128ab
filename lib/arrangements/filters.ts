import { z } from "zod";
import "@/lib/zod-locale";
import { ESTABLISHED_PERIOD_IDS, type EstablishedPeriod } from "@/lib/domain/establishment";
import { LEVEL_IDS, type Level } from "@/lib/domain/levels";
import { todayInNorway } from "@/lib/domain/today";
import { COLUMN_IDS, SORT_KEYS, type ArrangementColumnId, type ArrangementSortKey } from "./columns";

/**
 * The filters of /ordninger, its downloads, the map and GET /api/v1/ordninger: one schema, so a
 * filtered page is a shareable link and the API accepts the very same query string.
 * Facets accept repeated parameters or comma-separated values (`kommune=3301&kommune=3303` or
 * `kommune=3301,3303`); values within a facet are OR-ed, facets are AND-ed.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

const listOf = <T extends z.ZodType<unknown, string>>(item: T, label: string) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    )
    .pipe(z.array(item).max(200, `For mange verdier i ${label}`));

const municipalityRef = z.string().regex(/^(\d{4}|[a-z0-9-]{1,60})$/, "Kommune må være et firesifret kommunenummer eller en kommune-id (f.eks. 3301 eller drammen)");
const slugRef = (what: string) => z.string().regex(/^[a-z0-9-]{1,80}$/, `Ugyldig ${what}`);
const codeRef = (what: string) =>
  z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9_]{1,40}$/, `Ugyldig ${what}`));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dato må skrives ÅÅÅÅ-MM-DD, f.eks. 2021-11-01")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 1800 && d.getUTCFullYear() <= 2200;
  }, "Datoen finnes ikke");

const positiveInt = (label: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${label} må være et helt tall`)
    .transform((v) => Number.parseInt(v, 10))
    .pipe(z.number().int().min(1, `${label} må være minst 1`).max(max, `${label} kan være høyst ${max}`));

const single = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .array(z.string())
    .refine((values) => values.length <= 1, "Parameteren kan bare oppgis én gang")
    .transform((values) => values[0])
    .pipe(schema.optional());

export const arrangementFilterSchema = z.object({
  kommune: listOf(municipalityRef, "kommune"),
  region: listOf(slugRef("region"), "region"),
  sektor: listOf(codeRef("sektor"), "sektor"),
  oppgave: listOf(slugRef("oppgaveområde"), "oppgave"),
  form: listOf(codeRef("juridisk form"), "form"),
  nivaa: listOf(z.enum(LEVEL_IDS, { error: "Nivå må være lokalt, regionalt eller hoyere" }), "nivaa"),
  etablert: listOf(
    z.enum(ESTABLISHED_PERIOD_IDS, {
      error: `Etableringsperiode må være en av ${ESTABLISHED_PERIOD_IDS.join(", ")}`,
    }),
    "etablert",
  ),
  kryss: single(z.enum(["ja", "nei"], { error: "kryss må være ja eller nei" })),
  status: single(z.enum(["alle", "aktive", "avsluttede"], { error: "status må være alle, aktive eller avsluttede" })),
  dato: single(isoDate),
  sok: single(z.string().max(100, "Søketeksten kan være høyst 100 tegn")),
  sorter: single(z.enum(SORT_KEYS, { error: `sorter må være en av ${SORT_KEYS.join(", ")}` })),
  retning: single(z.enum(["stigende", "synkende"], { error: "retning må være stigende eller synkende" })),
  side: single(positiveInt("side", 100_000)),
  antall: single(positiveInt("antall", MAX_PAGE_SIZE)),
  skjul: listOf(z.enum(COLUMN_IDS, { error: "Ukjent kolonne i skjul" }), "skjul"),
});

type Parsed = z.output<typeof arrangementFilterSchema>;

export interface ArrangementFilters {
  kommune: string[];
  region: string[];
  sektor: string[];
  oppgave: string[];
  form: string[];
  nivaa: Level[];
  etablert: EstablishedPeriod[];
  kryss?: "ja" | "nei";
  status?: "alle" | "aktive" | "avsluttede";
  dato?: string;
  sok?: string;
  sorter?: ArrangementSortKey;
  retning?: "stigende" | "synkende";
  side: number;
  antall: number;
  skjul: ArrangementColumnId[];
}

export const FILTER_KEYS = Object.keys(arrangementFilterSchema.shape) as (keyof Parsed)[];

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: SearchParamsLike): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) record[key] = [];
  if (params instanceof URLSearchParams) {
    for (const key of FILTER_KEYS) record[key] = params.getAll(key);
  } else {
    for (const key of FILTER_KEYS) {
      const value = params[key];
      record[key] = value === undefined ? [] : Array.isArray(value) ? value : [value];
    }
  }
  // Empty form fields (e.g. an untouched date input) mean "not set".
  for (const key of FILTER_KEYS) record[key] = record[key]!.filter((v) => v.trim() !== "");
  return record;
}

export type FilterParseResult = { ok: true; filters: ArrangementFilters } | { ok: false; issues: z.core.$ZodIssue[]; message: string };

/** Parses query parameters; unknown parameters are ignored, malformed ones are reported in Norwegian. */
export function parseArrangementFilters(params: SearchParamsLike): FilterParseResult {
  const result = arrangementFilterSchema.safeParse(toRecord(params));
  if (!result.success) {
    const message = result.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`).join("; ");
    return { ok: false, issues: result.error.issues, message: `Ugyldige parametere – ${message}` };
  }
  const d = result.data;
  return {
    ok: true,
    filters: {
      kommune: d.kommune,
      region: d.region,
      sektor: d.sektor,
      oppgave: d.oppgave,
      form: d.form,
      nivaa: d.nivaa,
      etablert: d.etablert,
      kryss: d.kryss,
      status: d.status,
      dato: d.dato,
      sok: d.sok?.trim() || undefined,
      sorter: d.sorter,
      retning: d.retning,
      side: d.side ?? 1,
      antall: d.antall ?? DEFAULT_PAGE_SIZE,
      skjul: d.skjul,
    },
  };
}

export const EMPTY_FILTERS: ArrangementFilters = {
  kommune: [],
  region: [],
  sektor: [],
  oppgave: [],
  form: [],
  nivaa: [],
  etablert: [],
  side: 1,
  antall: DEFAULT_PAGE_SIZE,
  skjul: [],
};

/** Serialises filters back to a query string (defaults omitted), for links and the URL state. */
export function filtersToSearchParams(filters: Partial<ArrangementFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const lists = ["kommune", "region", "sektor", "oppgave", "form", "nivaa", "etablert"] as const;
  for (const key of lists) for (const value of filters[key] ?? []) params.append(key, key === "sektor" || key === "form" ? value.toLowerCase() : value);
  for (const key of ["kryss", "status", "dato", "sok", "sorter", "retning"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.side && filters.side > 1) params.set("side", String(filters.side));
  if (filters.antall && filters.antall !== DEFAULT_PAGE_SIZE) params.set("antall", String(filters.antall));
  if (filters.skjul?.length) params.set("skjul", filters.skjul.join(","));
  return params;
}

/**
 * The reference date D and the status rule: with `dato` the list shows what was active on that
 * date (unless status says otherwise); without it, every arrangement and today's participants.
 * Today is the day in Norway (lib/domain/today.ts).
 */
export function effectiveDateAndStatus(filters: Pick<ArrangementFilters, "dato" | "status">): { date: string; status: "alle" | "aktive" | "avsluttede" } {
  return { date: filters.dato ?? todayInNorway(), status: filters.status ?? (filters.dato ? "aktive" : "alle") };
}
