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

export const LEVELS = [
  { id: "lokalt", name: "Lokalt", label: `Lokalt (${COOPERATION_MIN}–${LOCAL_MAX} kommuner)`, title: `Lokalt samarbeid (${COOPERATION_MIN}–${LOCAL_MAX} kommuner)` },
  { id: "regionalt", name: "Regionalt", label: `Regionalt (${LOCAL_MAX + 1}–${REGIONAL_MAX} kommuner)`, title: `Regionalt samarbeid (${LOCAL_MAX + 1}–${REGIONAL_MAX} kommuner)` },
  { id: "hoyere", name: "Høyere nivå", label: `Høyere nivå (${REGIONAL_MAX + 1} eller flere)`, title: `Samarbeid på høyere nivå (${REGIONAL_MAX + 1} eller flere kommuner)` },
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
