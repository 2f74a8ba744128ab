import "server-only";
import { z } from "zod";
import "@/lib/zod-locale";
import { prisma } from "@/lib/db";
import { todayInNorway } from "@/lib/domain/today";
import type { StatsQuery, StatsScope } from "./engine/scope";

export interface RegionOption {
  slug: string;
  name: string;
}

/** The kommuneregioner a statistic can be limited to. */
export function listRegions(): Promise<RegionOption[]> {
  return prisma.region.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** `region=alle`: every municipality in the registry; no region: the 25 surveyed municipalities. */
export const ALL_REGIONS = "alle";

function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const single = (label: string) => z.preprocess((v) => (v === "" ? undefined : v), z.string({ error: `${label} kan bare oppgis én gang.` }).optional());

export function statsParamsSchema(regions: RegionOption[]) {
  const slugs = new Set(regions.map((r) => r.slug));
  const regionList = [ALL_REGIONS, ...regions.map((r) => r.slug)].join(", ");
  return z.object({
    dato: single("Dato")
      .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), { error: "Datoen må skrives som ÅÅÅÅ-MM-DD, for eksempel 2021-11-01." })
      .refine((v) => v === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDay(v), { error: "Datoen finnes ikke i kalenderen." })
      .refine((v) => v === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(v) || (v >= "1900-01-01" && v <= "2100-12-31"), {
        error: "Datoen må ligge mellom 1900 og 2100.",
      }),
    region: single("Region").refine((v) => v === undefined || v === ALL_REGIONS || slugs.has(v), {
      error: `Ukjent region. Gyldige verdier: ${regionList}.`,
    }),
  });
}

export type StatsParamsResult =
  { ok: true; query: StatsQuery; dato: string; region: string | null; regions: RegionOption[] } | { ok: false; message: string; issues: z.core.$ZodIssue[]; regions: RegionOption[] };

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function toRecord(params: RawParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

/**
 * Validates `dato` (YYYY-MM-DD, default today) and `region` (a region slug or "alle"; default the
 * surveyed municipalities) from a page's searchParams or an API request's query string.
 */
export async function parseStatsParams(params: RawParams): Promise<StatsParamsResult> {
  const regions = await listRegions();
  const parsed = statsParamsSchema(regions).safeParse(toRecord(params));
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" "), issues: parsed.error.issues, regions };
  }
  const dato = parsed.data.dato ?? todayInNorway();
  const region = parsed.data.region ?? null;
  let scope: StatsScope = { kind: "surveyed" };
  if (region === ALL_REGIONS) scope = { kind: "all" };
  else if (region) scope = { kind: "region", slug: region, name: regions.find((r) => r.slug === region)!.name };
  return { ok: true, query: { asOf: dato, scope }, dato, region, regions };
}

export function scopeLabel(scope: StatsScope): string {
  switch (scope.kind) {
    case "surveyed":
      return "de 25 kartlagte kommunene";
    case "region":
      return scope.name;
    case "all":
      return "alle kommuner i registeret";
  }
}
