import type { StatsQuery } from "../engine/scope";
import { serviceStructureByTaskArea } from "../service-structure";
import type { StatPageBody } from "../tables";
import { n, pageFigures, REPORT, scopeNote } from "./shared";

export async function serviceStructurePage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline] = await Promise.all([serviceStructureByTaskArea(query), pageFigures(["serviceStructure"] as const)]);
  const printed = new Map((baseline.serviceStructure ?? []).map((s) => [s.task, s]));
  const reported = rows.filter((r) => r.reportTask);
  const ikt = rows.find((r) => r.taskArea === "felles-ikt-tjeneste");
  return {
    intro:
      "Hvor mange ulike tjenester som løser en oppgave: kommuner som løser den alene (kommunale) pluss ulike felles ordninger (interkommunale). " +
      "En kommune som ikke deltar i noen ordning på området, regnes som å løse oppgaven selv.",
    sections: [
      {
        id: "tjenester",
        heading: "Kommunale og interkommunale tjenester per oppgave",
        summary: ikt
          ? `For eksempel IKT: ${n(ikt.services)} tjenester, hvorav ${n(ikt.municipal)} kommunale og ${n(ikt.intermunicipal)} interkommunale (${REPORT}: ${printed.get("IKT-tjenester")?.text ?? "ikke trykt"}).`
          : "Tjenestestruktur per oppgaveområde.",
        table: {
          id: "tjenestestruktur",
          title: "Tjenestestruktur per oppgave",
          columns: [
            { key: "oppgave", header: "Oppgave" },
            { key: "tjenester", header: "Tjenester (registeret nå)", numeric: true },
            { key: "kommunale", header: "Kommunale", numeric: true },
            { key: "interkommunale", header: "Interkommunale", numeric: true },
            { key: "rapportTjenester", header: `${REPORT}: tjenester`, numeric: true },
            { key: "rapportKommunale", header: `${REPORT}: kommunale`, numeric: true },
            { key: "rapportInterkommunale", header: `${REPORT}: interkommunale`, numeric: true },
            { key: "merknad", header: "Merknad" },
          ],
          rows: [...reported, ...rows.filter((r) => !r.reportTask)].map((r) => {
            const p = r.reportTask ? printed.get(r.reportTask) : undefined;
            return {
              oppgave: r.reportTask ?? r.name,
              tjenester: r.services,
              kommunale: r.municipal,
              interkommunale: r.intermunicipal,
              rapportTjenester: p?.totalServices ?? null,
              rapportKommunale: p?.municipal ?? null,
              rapportInterkommunale: p?.intermunicipal ?? null,
              merknad: p?.inconsistent ? `Rapportens sum går ikke opp. ${p.note ?? ""}`.trim() : null,
            };
          }),
          source: "NIVI 2021, avsnitt 3.4",
        },
        notes: scopeNote(query, baseline),
      },
    ],
  };
}
