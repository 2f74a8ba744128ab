import { LEVELS } from "@/lib/domain/levels";
import type { StatsQuery } from "../engine/scope";
import { percent } from "../engine/statistic";
import { arrangementsByGeographicLevel } from "../geographic-level";
import type { StatPageBody, StatRow } from "../tables";
import { n, pageFigures, REPORT, round1, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

const [LOCAL, REGIONAL, HIGHER] = LEVELS;

export async function levelsPage(query: StatsQuery): Promise<StatPageBody> {
  const [levels, baseline] = await Promise.all([arrangementsByGeographicLevel(query), pageFigures(["levels"] as const)]);
  const b = baseline.levels;
  const rows: StatRow[] = [
    { nivaa: LOCAL.name, definisjon: LOCAL.range, antall: levels.local, andel: round1(percent(levels.local, levels.total)), rapport: b?.local ?? null },
    { nivaa: REGIONAL.name, definisjon: REGIONAL.range, antall: levels.regional, andel: round1(percent(levels.regional, levels.total)), rapport: b?.regional ?? null },
    { nivaa: HIGHER.name, definisjon: HIGHER.range, antall: levels.higher, andel: round1(percent(levels.higher, levels.total)), rapport: b?.higher ?? null },
  ];
  if (levels.single > 0) rows.push({ nivaa: "Én kommune igjen", definisjon: "1 kommune", antall: levels.single, andel: round1(percent(levels.single, levels.total)), rapport: null });
  return {
    intro: "Ordningene etter hvor mange kommuner som deltar, også kommuner utenfor utvalget. Der kilden oppgir et høyere medlemstall enn navnelista, brukes det trykte tallet.",
    sections: [
      {
        id: "nivaa",
        heading: "Ordninger etter geografisk nivå",
        summary:
          `Av ${n(levels.total)} ordninger er ${n(levels.local)} lokale, ${n(levels.regional)} regionale og ${n(levels.higher)} på høyere nivå` +
          (b ? ` (${REPORT}: ${n(b.local)}, ${n(b.regional)} og ${n(b.higher)}).` : "."),
        table: {
          id: "nivaa",
          title: "Ordninger etter geografisk nivå",
          columns: [
            { key: "nivaa", header: "Nivå" },
            { key: "definisjon", header: "Deltakende kommuner" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows,
          footer: { nivaa: "Totalt", antall: levels.total, andel: levels.total ? 100 : null, rapport: b ? b.local + b.regional + b.higher : null },
          source: "NIVI 2021, avsnitt 2.1",
        },
        chart: {
          category: "nivaa",
          series: [
            { key: "antall", name: LIVE_LABEL },
            { key: "rapport", name: REPORT },
          ],
          layout: "vertical",
        },
        notes: scopeNote(query, baseline),
      },
    ],
  };
}
