import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { defineMutation } from "./mutation.ts";
import { fail, MESSAGES as M, MutationFailure } from "./result.ts";
import { id } from "./validation.ts";

/** The largest agreement PDF the registry stores (docs/decisions/0046). */
export const MAX_AGREEMENT_BYTES = 10 * 1024 * 1024;
/** Every PDF file starts with these bytes; the declared content type alone proves nothing. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PDF_TYPES = ["application/pdf", "application/x-pdf", "application/octet-stream", ""];

export const AGREEMENT_FILE_MESSAGES = {
  missing: "Velg en PDF-fil med avtalen.",
  tooLarge: "Filen er for stor. Avtalen kan være høyst 10 MB. Prøv å lagre PDF-en med lavere oppløsning, eller legg inn en lenke i stedet.",
  notPdf: "Filen er ikke en PDF. Last opp avtalen som PDF (filen må begynne med «%PDF-»).",
  name: "Filnavnet kan ha høyst 200 tegn og kan ikke inneholde kontrolltegn.",
} as const;

/** An uploaded file as the server action hands it over: name, declared type and the bytes. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const uploaded = z.custom<UploadedFile>((v) => typeof v === "object" && v !== null && (v as UploadedFile).bytes instanceof Uint8Array, { error: AGREEMENT_FILE_MESSAGES.missing });

const schema = z.object({
  arrangementId: id("Ukjent ordning."),
  file: uploaded
    .refine((f) => f.bytes.length > 0, { error: AGREEMENT_FILE_MESSAGES.missing })
    .refine((f) => f.bytes.length <= MAX_AGREEMENT_BYTES, { error: AGREEMENT_FILE_MESSAGES.tooLarge })
    .refine((f) => PDF_TYPES.includes(f.type.toLowerCase()) && isPdf(f.bytes), { error: AGREEMENT_FILE_MESSAGES.notPdf })
    .refine((f) => f.name.length <= 200 && !/[\u0000-\u001f\u007f]/.test(f.name), { error: AGREEMENT_FILE_MESSAGES.name }),
});

/** A file name safe to offer in Content-Disposition: the base name, ending in .pdf. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() || "samarbeidsavtale";
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/**
 * Uploads (or replaces) the agreement PDF of one arrangement. Advisers apply it directly; editors
 * register the agreement's date and link through setAgreement, which they propose. The bytes go in
 * the database (AgreementFile.data); the audit event keeps the old and new sha256.
 */
export const uploadAgreementFile = defineMutation({
  schema,
  async load(tx, input) {
    const arrangement = await tx.arrangement.findUnique({
      where: { id: input.arrangementId },
      select: { id: true, name: true, agreementFile: { select: { fileName: true, size: true, sha256: true } } },
    });
    if (!arrangement) throw new MutationFailure(fail("not_found", M.notFound));
    return arrangement;
  },
  authorize: (actor) => authorize(actor, "agreement.upload"),
  async apply(tx, { actor, input, loaded }) {
    const fileName = cleanFileName(input.file.name);
    const sha256 = sha256Hex(input.file.bytes);
    const data = { fileName, contentType: "application/pdf", size: input.file.bytes.length, sha256, data: input.file.bytes, uploadedAt: new Date(), uploadedById: actor.id };
    await tx.agreementFile.upsert({ where: { arrangementId: loaded.id }, create: { arrangementId: loaded.id, ...data }, update: data });
    return {
      result: { ok: true, outcome: "applied", message: `Avtalen «${fileName}» er lastet opp.`, arrangementId: loaded.id },
      audit: {
        action: "uploadAgreementFile",
        summary: `Samarbeidsavtale (PDF) lastet opp for ${loaded.name}`,
        arrangementId: loaded.id,
        before: loaded.agreementFile ? { agreementFile: loaded.agreementFile } : null,
        after: { agreementFile: { fileName, size: data.size, sha256 } },
      },
    };
  },
});
