import "server-only";
import { z } from "zod";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { prisma } from "@/lib/db";
import { fail } from "@/lib/changes/messages";
import { defineMutation } from "@/lib/changes/mutation";
import { MutationFailure, type MutationResult } from "@/lib/changes/result";
import { loadLookups, loadSnapshots } from "@/lib/changes/snapshot";
import { fieldErrors, id, idList, optionalText } from "@/lib/changes/validation";
import { MAX_FILE_BYTES, MAX_ROWS, parseSurveyFile, type ParsedFile } from "./parse";
import { type ImportPlan, planImport, runRow } from "./plan";

/**
 * Importing a kartleggingsfil. The file travels with the request both times (preview and confirm)
 * and is parsed, compared and validated on the server each time; the confirmation carries the
 * file's sha256 and the preview's plan hash, so a file or registry that changed in between is
 * refused with a new preview instead of being saved. Confirming runs every change of the included
 * rows through the change pipeline in ONE transaction: proposals for editors, applied for advisers.
 */
const hash = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Ugyldig kontrollsum. Forhåndsvis filen på nytt." })
    .optional(),
);

export const importSchema = z.object({
  municipalityId: id("Ukjent kommune."),
  file: z
    .string({ error: "Velg en fil (Excel eller CSV)." })
    .min(1, { error: "Velg en fil (Excel eller CSV)." })
    .max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, { error: "Filen er for stor. Største tillatte størrelse er 2 MB." }),
  fileName: optionalText("Filnavnet", 255),
  fileSha256: hash,
  planHash: hash,
  excludedRowIds: idList("Ugyldig radnummer.", MAX_ROWS + 10),
});
export type ImportInput = z.output<typeof importSchema>;

export const STALE_PREVIEW = "Filen eller registeret er endret siden forhåndsvisningen. Ingenting er lagret. Se over den nye forhåndsvisningen og bekreft på nytt.";

async function readFile(input: ImportInput): Promise<Extract<ParsedFile, { ok: true }>> {
  const parsed = await parseSurveyFile(new Uint8Array(Buffer.from(input.file, "base64")), input.fileName ?? "");
  if (!parsed.ok) throw new MutationFailure(fail("validation", parsed.message, { fil: [parsed.message] }));
  return parsed;
}

const importer = (actor: Actor, input: ImportInput) => authorize(actor, "arrangement.import", { municipalityIds: [input.municipalityId] });

export const importSpreadsheet = defineMutation({
  schema: importSchema,
  load: async (_tx, input) => readFile(input),
  authorize: (actor, input) => importer(actor, input),
  async apply(tx, { actor, input, loaded: file, decision }) {
    if (input.fileSha256 && input.fileSha256 !== file.sha256) throw new MutationFailure(fail("conflict", STALE_PREVIEW));
    const plan = await planImport(tx, actor, file, decision.mode);
    if (input.planHash && input.planHash !== plan.planHash) throw new MutationFailure(fail("conflict", STALE_PREVIEW));
    const excluded = new Set(input.excludedRowIds);
    const included = plan.rows.filter((r) => r.status !== "unchanged" && !excluded.has(r.rowNumber));
    const bad = included.filter((r) => r.status === "error");
    if (bad.length) {
      const list = bad.map((r) => r.rowNumber).join(", ");
      throw new MutationFailure(
        fail(
          "validation",
          `${bad.length === 1 ? "Én rad" : `${bad.length} rader`} har feil (rad ${list}). Ingenting er lagret. Fjern haken for radene med feil, eller rett filen og last den opp på nytt.`,
        ),
      );
    }
    if (!included.length) throw new MutationFailure(fail("validation", "Filen har ingen endringer å lagre. Ingenting er lagret."));
    const lookups = await loadLookups(tx);
    const snapshots = await loadSnapshots(
      tx,
      included.flatMap((r) => (r.arrangement ? [r.arrangement.id] : [])),
    );
    const changeRequestIds: number[] = [];
    const arrangementIds = new Set<number>();
    for (const row of included) {
      const current = row.arrangement ? (snapshots.get(row.arrangement.id) ?? null) : null;
      const run = await runRow(tx, { actor, current, changes: row.changes, lookups, commit: true });
      if (run.errors.length) throw new MutationFailure(fail("validation", `Rad ${row.rowNumber}: ${run.errors.join(" ")} Ingenting er lagret.`));
      for (const result of run.results) {
        if (result.changeRequestId) changeRequestIds.push(result.changeRequestId);
        if (result.arrangementId) arrangementIds.add(result.arrangementId);
      }
    }
    const count = decision.mode === "propose" ? changeRequestIds.length : included.length;
    const message =
      decision.mode === "propose"
        ? `${count === 1 ? "Ett endringsforslag er sendt" : `${count} endringsforslag er sendt`} til Statsforvalteren. Endringene blir synlige for alle når de er godkjent.`
        : `Importen er lagret: ${count === 1 ? "én rad" : `${count} rader`} er oppdatert i registeret.`;
    const result: MutationResult = { ok: true, outcome: decision.mode === "propose" ? "proposed" : "applied", message, changeRequestIds, arrangementIds: [...arrangementIds] };
    return { result };
  },
});

export type PreviewResult = { ok: true; plan: ImportPlan; fileName: string | null } | Extract<MutationResult, { ok: false }>;

/** The preview: the same parsing, comparison and validation as confirming, without writing anything. */
export async function previewImport(actor: Actor | null, raw: unknown): Promise<PreviewResult> {
  if (!actor) return fail("unauthenticated", "Du må logge inn for å gjøre dette.");
  const parsed = importSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return fail("validation", Object.values(errors).flat()[0] ?? "Velg en fil.", errors);
  }
  const decision = importer(actor, parsed.data);
  if (!decision.allowed) return fail("forbidden", decision.reason);
  try {
    const file = await readFile(parsed.data);
    return { ok: true, plan: await planImport(prisma, actor, file, decision.mode), fileName: parsed.data.fileName };
  } catch (error) {
    if (error instanceof MutationFailure) return error.result;
    throw error;
  }
}

/** Links for the outcome: each change request, or each arrangement changed directly. */
export async function importOutcomeLinks(result: { changeRequestIds?: number[]; arrangementIds?: number[] }): Promise<{ href: string; label: string }[]> {
  if (result.changeRequestIds?.length) {
    const requests = await prisma.changeRequest.findMany({ where: { id: { in: result.changeRequestIds } }, select: { id: true, summary: true }, orderBy: { id: "asc" } });
    return requests.map((r) => ({ href: `/endringsforslag/${r.id}`, label: `Endringsforslag ${r.id}: ${r.summary}` }));
  }
  const arrangements = await prisma.arrangement.findMany({ where: { id: { in: result.arrangementIds ?? [] } }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
  return arrangements.map((a) => ({ href: `/ordninger/${a.slug}`, label: a.name }));
}
