import "server-only";
import type { Tx } from "@/lib/db";
import { municipalityLabels } from "@/lib/domain/municipalities";
import { todayInNorway } from "@/lib/domain/today";
import { municipalityValidity } from "./municipality-rules.ts";

/** Names for ids, for summaries and the field-by-field difference (lib/changes/snapshot.ts). */
export interface Lookups {
  municipalities: Map<number, string>;
  sectors: Map<number, string>;
  legalForms: Map<number, string>;
  taskAreas: Map<number, string>;
}

export async function loadLookups(tx: Tx): Promise<Lookups> {
  // Sequential: inside a transaction there is one connection, and pg does not pipeline queries.
  // Same-named municipalities carry today's county («Våler (Østfold)») in summaries and diffs.
  const municipalities = municipalityLabels(await municipalityValidity(tx), todayInNorway());
  const sectors = await tx.sector.findMany({ select: { id: true, name: true } });
  const legalForms = await tx.legalForm.findMany({ select: { id: true, name: true } });
  const taskAreas = await tx.taskArea.findMany({ select: { id: true, name: true } });
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { municipalities, sectors: map(sectors), legalForms: map(legalForms), taskAreas: map(taskAreas) };
}
