import type { StatsQuery } from "../engine/scope";
import type { StatPage, StatPageBody, StatTable } from "../tables";
import { crossCountyPage } from "./cross-county";
import { establishmentPage } from "./establishment";
import { hostsPage } from "./hosts";
import { legalFormsPage } from "./legal-forms";
import { levelsPage } from "./levels";
import { municipalitiesPage } from "./municipalities";
import { overviewPage as overviewBody } from "./overview";
import { comparisonQuery, withComparison, withLiveDate } from "./compare";
import { pageFigures, surveyDateLabel } from "./shared";
import { sectorsPage } from "./sectors";
import { serviceStructurePage } from "./service-structure";
import { staffingPage } from "./staffing";
import { taskAreasPage } from "./task-areas";

/**
 * The statistics pages: each page's slug, title and report reference, owned here and read by every
 * place that names a page (the navigation, the page heading and metadata, the exports, the OpenAPI
 * description). One file per page builder in this folder computes the page's text and sections.
 */

/** One part of the report: a kind and its numbers, e.g. ["Figur", "2.2", "2.3"] → "Figur 2.2 og 2.3". */
export type ReportPart = readonly [kind: "Tabell" | "Figur" | "avsnitt" | "fotnote" | "kapittel" | "Hovedpunkter", ...numbers: string[]];

const listed = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} og ${items.at(-1)}`);

/** "Figur 2.2 og 2.3, avsnitt 2.2": the parts in order, the first word capitalised. */
export function formatReportReference(parts: readonly ReportPart[]): string {
  const text = parts.map(([kind, ...numbers]) => (numbers.length ? `${kind} ${listed(numbers)}` : kind)).join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface PageDefinition {
  slug: string;
  title: string;
  /** The tables, figures and sections of the report the page recomputes. */
  report: readonly ReportPart[];
  build: (query: StatsQuery) => Promise<StatPageBody>;
}

const OVERVIEW: Omit<PageDefinition, "build"> = { slug: "oversikt", title: "Statistikk", report: [["Hovedpunkter"]] };

/** The report pages in the order of the navigation. */
const PAGES = [
  {
    slug: "kommuner",
    title: "Ordninger per kommune",
    report: [
      ["Figur", "2.2", "2.3"],
      ["avsnitt", "2.2"],
    ],
    build: municipalitiesPage,
  },
  {
    slug: "etablering",
    title: "Etableringstidspunkt",
    report: [
      ["Tabell", "2.1", "2.2"],
      ["Figur", "2.4"],
    ],
    build: establishmentPage,
  },
  {
    slug: "nivaa",
    title: "Geografisk nivå",
    report: [
      ["avsnitt", "2.1"],
      ["Figur", "2.1"],
    ],
    build: levelsPage,
  },
  {
    slug: "fylkesgrenser",
    title: "Samarbeid over fylkesgrensene",
    report: [
      ["avsnitt", "2.5"],
      ["Tabell", "2.4–2.7"],
    ],
    build: crossCountyPage,
  },
  { slug: "oppgaver", title: "Deltakelse etter oppgaveområde", report: [["Tabell", "3.1"]], build: taskAreasPage },
  {
    slug: "vertskommuner",
    title: "Vertskommuneansvar",
    report: [
      ["Tabell", "3.2"],
      ["fotnote", "9"],
    ],
    build: hostsPage,
  },
  {
    slug: "tilknytningsformer",
    title: "Juridisk tilknytningsform",
    report: [
      ["Figur", "3.1"],
      ["avsnitt", "3.3"],
    ],
    build: legalFormsPage,
  },
  {
    slug: "sektorer",
    title: "Sektorer",
    report: [
      ["Figur", "5.1"],
      ["kapittel", "5"],
    ],
    build: sectorsPage,
  },
  {
    slug: "bemanning",
    title: "Bemanning og fagmiljø",
    report: [
      ["Tabell", "2.3", "3.3", "3.4"],
      ["Figur", "3.5"],
    ],
    build: staffingPage,
  },
  { slug: "tjenestestruktur", title: "Tjenestestruktur", report: [["avsnitt", "3.4"]], build: serviceStructurePage },
] as const satisfies readonly PageDefinition[];

export type StatPageSlug = (typeof PAGES)[number]["slug"];

export interface StatPageInfo {
  slug: string;
  title: string;
  /** "Figur 2.2 og 2.3, avsnitt 2.2". */
  reportRef: string;
}

const infoOf = (p: Omit<PageDefinition, "build">): StatPageInfo => ({ slug: p.slug, title: p.title, reportRef: formatReportReference(p.report) });

/** The report pages (not the overview), in navigation order. */
export const STAT_PAGES: StatPageInfo[] = PAGES.map(infoOf);

/** Each report page's slug, title and report reference by slug. */
export const STAT_PAGE = Object.fromEntries(STAT_PAGES.map((p) => [p.slug, p])) as Record<StatPageSlug, StatPageInfo>;

/** The overview page (/statistikk). */
export const OVERVIEW_PAGE: StatPageInfo = infoOf(OVERVIEW);

/** A page's slug, title and report reference by slug (the overview included); null when unknown. */
export function statPageInfo(slug: string): StatPageInfo | null {
  return slug === OVERVIEW.slug ? OVERVIEW_PAGE : (STAT_PAGES.find((p) => p.slug === slug) ?? null);
}

/** The day the report's printed figures are for ("01.11.2021"); null when not stored. */
export async function reportDateLabel(): Promise<string | null> {
  return surveyDateLabel(await pageFigures([] as const));
}

/** The overview's key figures as tables (live beside the report), with the overview itself. */
export async function overviewPage(query: StatsQuery) {
  return { ...OVERVIEW_PAGE, ...(await overviewBody(query)) };
}

export async function loadStatPage(slug: string, query: StatsQuery): Promise<StatPage | null> {
  if (slug === OVERVIEW.slug) {
    const overview = await overviewPage(query);
    return { ...overview, ...withLiveDate(overview, query.asOf) };
  }
  const page = (PAGES as readonly PageDefinition[]).find((p) => p.slug === slug);
  if (!page) return null;
  const survey = await pageFigures([] as const);
  const other = comparisonQuery(query, survey.surveyFileCompleted ?? null);
  const [body, same] = await Promise.all([page.build(query), other ? page.build(other) : null]);
  const compared = same && survey.surveyFileCompleted ? withComparison(body, same, query, survey.surveyFileCompleted) : body;
  return { ...infoOf(page), ...withLiveDate(compared, query.asOf) };
}

/** One table of one page (for CSV/XLSX download); null when the page or table does not exist. */
export async function loadStatTable(pageSlug: string, tableId: string, query: StatsQuery): Promise<{ page: StatPage; table: StatTable } | null> {
  const page = await loadStatPage(pageSlug, query);
  const section = page?.sections.find((s) => s.table.id === tableId);
  return page && section ? { page, table: section.table } : null;
}
