import "server-only";
import { prisma } from "@/lib/db";
import { readReportFigures, REPORT_LABEL, type ReportFigureKey, type ReportFigures } from "@/lib/domain/report-figures";
import { formatDecimal, formatInteger, formatShortDate } from "@/lib/format";
import type { StatsQuery } from "../engine/scope";
import { scopeLabel } from "../params";

/** Helpers shared by the page builders of lib/stats/pages. */

export const REPORT = REPORT_LABEL;
export const n = formatInteger;
export const d1 = (v: number | null | undefined) => (v === null || v === undefined ? "–" : formatDecimal(v, 1));
export const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

const WORDS = ["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"];

/** A small count in words, as Norwegian prose writes it ("fire rader"); 13 and above as digits. */
export function inWords(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < WORDS.length ? WORDS[value]! : formatInteger(value);
}

/** What the survey covered (the report's scope and date), for the note on pages shown for another scope. */
export const SURVEY_KEYS = ["surveyedMunicipalities", "surveyFileCompleted"] as const;
export type SurveyFigures = ReportFigures<(typeof SURVEY_KEYS)[number]>;

/** The printed figures a page needs, with the survey's scope and date for scopeNote. */
export function pageFigures<K extends ReportFigureKey>(keys: readonly K[]): Promise<ReportFigures<K | (typeof SURVEY_KEYS)[number]>> {
  return readReportFigures(prisma, [...keys, ...SURVEY_KEYS]);
}

/** The day the report's figures are for ("01.11.2021"); null when not stored. */
export function surveyDateLabel(survey: Pick<SurveyFigures, "surveyFileCompleted">): string | null {
  return survey.surveyFileCompleted ? formatShortDate(survey.surveyFileCompleted) : null;
}

export function scopeNote(query: StatsQuery, survey: SurveyFigures): string[] {
  if (query.scope.kind === "surveyed") return [];
  const municipalities = survey.surveyedMunicipalities ? `de ${n(survey.surveyedMunicipalities.value)} kartlagte kommunene` : "de kartlagte kommunene";
  const day = surveyDateLabel(survey);
  const date = day ? ` per ${day}` : "";
  return [`Rapportens tall gjelder ${municipalities}${date}; tallene fra registeret gjelder ${scopeLabel(query.scope)}.`];
}
