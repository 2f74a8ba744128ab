/**
 * The kartleggingsfil layout: the columns the municipality export writes (lib/municipalities/survey-file.ts)
 * and the import reads (lib/import). The first eight are the 2021 survey's columns in its order; the
 * last three let a returned file end an arrangement and name the arrangement a row belongs to.
 */
export const SURVEY_COLUMNS = [
  { key: "name", header: "Navn på ordning" },
  { key: "participants", header: "Deltakerkommuner" },
  { key: "description", header: "Innhold" },
  { key: "established", header: "Etableringsår" },
  { key: "legalForm", header: "Juridisk tilknytningsform" },
  { key: "host", header: "Vertskommune" },
  { key: "staffing", header: "Årsverk" },
  { key: "other", header: "Annen informasjon" },
  { key: "endDate", header: "Sluttdato" },
  { key: "endReason", header: "Grunn til avslutning" },
  { key: "id", header: "ID" },
] as const;

export type SurveyColumnKey = (typeof SURVEY_COLUMNS)[number]["key"];
export const SURVEY_FILE_COLUMNS: readonly string[] = SURVEY_COLUMNS.map((c) => c.header);

/** Marks a legal form the registry inferred rather than read from the survey. */
export const INFERRED_SUFFIX = " (utledet)";
/** The reason written for an arrangement ended through the file without a reason of its own. */
export const DEFAULT_END_REASON = "Oppgitt som avsluttet i kartleggingsfilen.";
/** Source written on staffing figures that came through the file. */
export const STAFFING_SOURCE = "Kartleggingsfil";
