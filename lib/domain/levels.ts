/**
 * Geographic level of an arrangement (avsnitt 2.1, DOMAIN.md §3) by its number of participating
 * municipalities, counting those outside the 25: up to LOCAL_MAX lokalt, up to REGIONAL_MAX
 * regionalt, more høyere nivå. The size is max(active named participants, the printed member count).
 * Cooperation needs COOPERATION_MIN municipalities; the statistics show a "1 kommune igjen" row for
 * arrangements below it (someone has left), the registry counts them as lokalt.
 * The SQL of levelOf is in ./sql/levels.ts, built from these constants.
 */
export const LOCAL_MAX = 3;
export const REGIONAL_MAX = 8;
export const COOPERATION_MIN = 2;

const LOCAL_RANGE = `${COOPERATION_MIN}–${LOCAL_MAX}`;
const REGIONAL_RANGE = `${LOCAL_MAX + 1}–${REGIONAL_MAX}`;
const HIGHER_RANGE = `${REGIONAL_MAX + 1} eller flere`;

/**
 * Each level with its short name, its size range ("2–3 kommuner", for tables of definitions), its
 * facet label and its heading on the municipality and region pages.
 */
export const LEVELS = [
  { id: "lokalt", name: "Lokalt", range: `${LOCAL_RANGE} kommuner`, label: `Lokalt (${LOCAL_RANGE} kommuner)`, title: `Lokalt samarbeid (${LOCAL_RANGE} kommuner)` },
  { id: "regionalt", name: "Regionalt", range: `${REGIONAL_RANGE} kommuner`, label: `Regionalt (${REGIONAL_RANGE} kommuner)`, title: `Regionalt samarbeid (${REGIONAL_RANGE} kommuner)` },
  { id: "hoyere", name: "Høyere nivå", range: `${HIGHER_RANGE} kommuner`, label: `Høyere nivå (${HIGHER_RANGE})`, title: `Samarbeid på høyere nivå (${HIGHER_RANGE} kommuner)` },
] as const;

export type Level = (typeof LEVELS)[number]["id"];
export const LEVEL_IDS = LEVELS.map((l) => l.id) as [Level, ...Level[]];
/** Short names ("Lokalt") for table cells. */
export const LEVEL_NAMES = Object.fromEntries(LEVELS.map((l) => [l.id, l.name])) as Record<Level, string>;
/** Facet labels with the size range ("Lokalt (2–3 kommuner)"). */
export const LEVEL_LABELS = Object.fromEntries(LEVELS.map((l) => [l.id, l.label])) as Record<Level, string>;
/** Group headings on the municipality and region pages. */
export const LEVEL_TITLES = Object.fromEntries(LEVELS.map((l) => [l.id, l.title])) as Record<Level, string>;

export function levelOf(participantCount: number): Level {
  if (participantCount <= LOCAL_MAX) return "lokalt";
  if (participantCount <= REGIONAL_MAX) return "regionalt";
  return "hoyere";
}
