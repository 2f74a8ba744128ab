import "server-only";
import { z } from "zod";
import type { QueryParameters } from "@/lib/api/route";
import { readCompareParams, type CompareParams } from "./compare-params.ts";
import { compareSnapshots, listSnapshots, type SnapshotComparison } from "./snapshots.ts";

/** The open API's view of snapshots and comparisons (/api/v1/oyeblikksbilder, /api/v1/sammenligning). */
export const comparisonQuery: QueryParameters<CompareParams> = {
  schema: z.object({
    fra: z.string().optional().describe("Øyeblikksbildet det sammenlignes fra (id, f.eks. rapport-2021), eller i-dag. Standard: rapport-2021."),
    til: z.string().optional().describe("Øyeblikksbildet det sammenlignes til, eller i-dag. Standard: i-dag."),
    kommune: z.string().optional().describe("Bare ordninger kommunen deltar i (kommune-id, f.eks. al)."),
  }),
  rejectUnknown: true,
  parse(params) {
    const read = readCompareParams((key) => params.get(key));
    return read.ok ? read : { ok: false, message: read.message, details: [] };
  },
};

export async function snapshotsBody() {
  const rows = await listSnapshots();
  return {
    oyeblikksbilder: rows.map((s) => ({ id: s.slug, navn: s.name, dato: s.asOf, antallOrdninger: s.arrangements, kartleggingsrunde: s.roundName })),
    iDag: { id: "i-dag", navn: "Registeret i dag" },
  };
}

function body(v: SnapshotComparison) {
  const ref = (a: { slug: string; name: string }) => ({ id: a.slug, navn: a.name, lenke: `/ordninger/${a.slug}` });
  return {
    fra: { id: v.from.key, navn: v.from.name, dato: v.from.asOf, antallOrdninger: v.comparison.from.count },
    til: { id: v.to.key, navn: v.to.name, dato: v.to.asOf, antallOrdninger: v.comparison.to.count },
    kommune: v.municipality ? { id: v.municipality.slug, navn: v.municipality.name } : null,
    nye: v.comparison.added.map(ref),
    avsluttede: v.comparison.ended.map((a) => ({ ...ref(a), sluttdato: a.endDate })),
    endrede: v.comparison.changed.map((a) => ({ ...ref(a), endringer: a.changes.map((c) => ({ felt: c.field, navn: c.label, foer: c.before, etter: c.after })) })),
    perKommune: v.comparison.municipalities.map((m) => ({ id: m.slug, navn: m.name, foer: m.before, etter: m.after, endring: m.difference })),
  };
}

export async function comparisonBody(params: CompareParams): Promise<{ ok: true; body: ReturnType<typeof body> } | { ok: false; message: string }> {
  const answer = await compareSnapshots(params.from, params.to, params.municipality);
  return answer.ok ? { ok: true, body: body(answer.value) } : answer;
}
