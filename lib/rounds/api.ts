import "server-only";
import type { CompareParams } from "./compare-params.ts";
import { compareSnapshots, listSnapshots, type SnapshotComparison } from "./snapshots.ts";

/** The open API's view of snapshots and comparisons (/api/v1/oyeblikksbilder, /api/v1/sammenligning). */
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
