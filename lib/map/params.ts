import { z } from "zod";
import { MAP_PARAMETERS, type MapQuery } from "./href";

export { MAP_PARAMETERS, mapHref, type MapQuery } from "./href";

/** Parsing the map's query string (zod: server only in practice; the client components import ./href.ts). */
const schema = z.object({
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "Ugyldig region")
    .optional(),
  kommune: z
    .string()
    .regex(/^(\d{4}|[a-z0-9-]{1,60})$/, "Kommune må være et firesifret kommunenummer eller en kommune-id (f.eks. 3328 eller al)")
    .optional(),
  oppgave: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "Ugyldig oppgaveområde")
    .optional(),
  sektor: z
    .string()
    .regex(/^[a-z_]{1,40}$/i, "Ugyldig sektor")
    .transform((s) => s.toUpperCase())
    .optional(),
  minst: z
    .string()
    .regex(/^\d{1,3}$/, "«Minst felles ordninger» må være et helt tall")
    .transform(Number)
    .pipe(z.number().int().min(1, "«Minst felles ordninger» må være minst 1").max(500, "«Minst felles ordninger» kan være høyst 500"))
    .optional(),
  dato: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Datoen må skrives som ÅÅÅÅ-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Datoen finnes ikke")
    .optional(),
});

export type MapParseResult = { ok: true; query: MapQuery } | { ok: false; message: string };

type SearchParamsLike = Record<string, string | string[] | undefined>;

export function parseMapParams(params: URLSearchParams | SearchParamsLike): MapParseResult {
  const get = (key: string): string | undefined => {
    const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    const one = Array.isArray(value) ? value[0] : value;
    return one?.trim() ? one.trim() : undefined;
  };
  const raw = Object.fromEntries(MAP_PARAMETERS.map((key) => [key, get(key)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `Ugyldig valg i kartet – ${parsed.error.issues.map((i) => i.message).join("; ")}` };
  const query: MapQuery = {};
  for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) (query as Record<string, unknown>)[key] = value;
  return { ok: true, query };
}
