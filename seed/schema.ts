import { z } from "zod";

/** zod schemas for the JSON files under seed/data (documented in seed/FORMAT.md). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dato må ha formen ÅÅÅÅ-MM-DD");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ugyldig nøkkel (slug)");
const confidence = z.enum(["stated", "inferred"]);
const source = z.string().min(1);

export const countySchema = z.object({
  key: slug,
  code: z.string().optional(),
  number: z.string().optional(),
  name: z.string().min(1),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

export const regionSchema = z.object({ slug, name: z.string().min(1), description: z.string().nullable().optional() });

export const municipalitySchema = z.object({
  slug,
  name: z.string().min(1),
  inSurveyScope: z.boolean(),
  region: slug.nullable().optional(),
  codes: z.array(z.object({ code: z.string().regex(/^\d{4}$/), validFrom: isoDate, validTo: isoDate.nullable().optional() })).default([]),
  counties: z.array(z.object({ county: z.string().min(1), validFrom: isoDate, validTo: isoDate.nullable().optional() })).default([]),
  population: z.array(z.object({ year: z.number().int(), count: z.number().int().positive(), source: source.optional() })).default([]),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});

export const sectorSchema = z.object({
  code: z.string().regex(/^[A-Z_]+$/),
  name: z.string().min(1),
  sortOrder: z.number().int(),
  reportCount: z.number().int().nullable().optional(),
  reportTable: z.string().nullable().optional(),
});

export const taskAreaSchema = z.object({
  slug,
  /** As printed in Tabell 3.1 (the slug follows it). */
  name: z.string().min(1),
  /** Corrected spelling where Tabell 3.1 misspells ("Ergoterpeut" → "Ergoterapeut"); shown in the registry. */
  correctedName: z.string().nullable().optional(),
  sortOrder: z.number().int(),
  sector: z.string().nullable().optional(),
});

export const legalFormSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_]+$/),
  name: z.string().min(1),
  legalBasis: z.string().min(1),
  description: z.string().nullable().optional(),
  counted: z.boolean().default(true),
  outdated: z.boolean().default(false),
});

const inferredFact = { confidence, note: z.string().nullable().optional(), source: source.nullable().optional() };

export const arrangementSchema = z.object({
  id: slug,
  name: z.string().min(1),
  correctedName: z.string().nullable().optional(),
  shortName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  sector: z.string().min(1),
  taskAreas: z.array(slug).default([]),
  taskAreasConfidence: confidence.nullable().optional(),
  legalForm: z
    .object({ code: z.string().min(1), ...inferredFact })
    .nullable()
    .optional(),
  host: z
    .object({ municipality: slug, ...inferredFact })
    .nullable()
    .optional(),
  established: z
    .object({
      year: z.number().int().min(1800, "etableringsår før 1800").max(2021, "etableringsår etter 2021").nullable(),
      periodFrom: z.number().int().min(1800).max(2021).nullable().optional(),
      periodTo: z.number().int().min(1800).max(2021).nullable().optional(),
      unspecified: z.boolean().default(false),
      ...inferredFact,
    })
    .nullable()
    .optional(),
  endDate: isoDate.nullable().optional(),
  endReason: z.string().nullable().optional(),
  orgNr: z
    .string()
    .regex(/^\d{9}$/)
    .nullable()
    .optional(),
  participants: z
    .array(
      z.object({
        municipality: slug,
        role: z.enum(["OWNER", "MEMBER", "BUYER"]).default("MEMBER"),
        joined: isoDate.nullable().optional(),
        left: isoDate.nullable().optional(),
        source: source.nullable().optional(),
      }),
    )
    .min(1, "ordningen må ha minst én deltaker"),
  statedParticipantCount: z.number().int().positive().nullable().optional(),
  staffing: z.array(z.object({ year: z.number().int().min(1990).max(2100), fte: z.number().nonnegative(), source: source.nullable().optional() })).default([]),
  sources: z.array(source).min(1, "ordningen må ha minst én kilde"),
  notes: z.string().nullable().optional(),
});

/** One difference between a figure printed in the report and the registry as seeded (deviations.json). */
export const deviationSchema = z.object({
  id: slug,
  /** Which statistic: arrangementsPerMunicipality, hostCount, taskAreaParticipation, … (seed/FORMAT.md). */
  statistic: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  municipality: slug.nullable().optional(),
  taskArea: slug.nullable().optional(),
  /** A sub-key of the statistic, e.g. the population class "under-5000". */
  key: z.string().nullable().optional(),
  printed: z.number(),
  registry: z.number(),
  /** REPORT_ERROR: the report contradicts its own item lists. NOT_IN_REPORT: the report gives no item-level data. */
  cause: z.enum(["REPORT_ERROR", "NOT_IN_REPORT"]),
  reason: z.string().min(1),
  source: source,
});

export const deviationsFileSchema = z.object({ source: source, deviations: z.array(deviationSchema) });

export type CountyRecord = z.infer<typeof countySchema>;
export type RegionRecord = z.infer<typeof regionSchema>;
export type MunicipalityRecord = z.infer<typeof municipalitySchema>;
export type SectorRecord = z.infer<typeof sectorSchema>;
export type TaskAreaRecord = z.infer<typeof taskAreaSchema>;
export type LegalFormRecord = z.infer<typeof legalFormSchema>;
export type ArrangementRecord = z.infer<typeof arrangementSchema>;
export type DeviationRecord = z.infer<typeof deviationSchema>;
