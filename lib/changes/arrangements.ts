import { z } from "zod";
import type { Actor } from "@/lib/auth/authorize";
import { participationRoleInText } from "@/lib/domain/roles";
import { currentYearInNorway, todayInNorway } from "@/lib/domain/today";
import type { FieldErrors } from "./result.ts";
import {
  activeParticipants,
  type ArrangementSnapshot,
  type Lookups,
  SCALAR_FIELDS,
  type Tx,
} from "./snapshot.ts";
import {
  checkbox,
  id,
  idList,
  optionalDate,
  optionalId,
  optionalText,
  optionalYear,
  orgNr,
  requiredDate,
  requiredText,
  year,
} from "./validation.ts";

/**
 * The arrangement mutations. Each one is a zod schema plus a pure `preview`: the arrangement as it
 * would be after the change, or field errors when the change does not fit the current state. The
 * pipeline (pipeline.ts) does the rest the same way for all of them: authorize, conflict check,
 * propose or apply, audit — in one transaction.
 */
export interface OpContext {
  tx: Tx;
  lookups: Lookups;
  actor: Actor;
}

export type Preview = { after: ArrangementSnapshot; payload: Record<string, unknown> } | { errors: FieldErrors; message?: string };

export interface ArrangementOperation {
  name: string;
  /** create: authorized against the proposed participants; edit: against the current ones; restore: advisers only. */
  kind: "create" | "edit" | "restore";
  schema: z.ZodType<Record<string, unknown> & { arrangementId?: number; baseVersion?: number }>;
  preview(input: Record<string, unknown>, current: ArrangementSnapshot | null, ctx: OpContext): Promise<Preview>;
  summary(input: Record<string, unknown>, current: ArrangementSnapshot | null, after: ArrangementSnapshot, lookups: Lookups): string;
  /** The municipalities whose editors may propose this (create only; edits use the current participants). */
  proposedMunicipalities?(input: Record<string, unknown>): number[];
}

const arrangementId = id("Ukjent ordning.");
const baseVersion = z.coerce.number({ error: "Mangler versjonsnummer. Last siden på nytt." }).int().positive({ error: "Mangler versjonsnummer. Last siden på nytt." });
const role = z.enum(["OWNER", "MEMBER", "BUYER"], { error: "Velg en gyldig rolle." });

const fieldsShape = {
  name: requiredText("Navnet", 200),
  shortName: optionalText("Kortnavnet", 60),
  description: optionalText("Beskrivelsen", 4000),
  sectorId: id("Velg en sektor."),
  legalFormId: optionalId("Velg en gyldig tilknytningsform."),
  establishedYear: optionalYear("Etableringsåret", 1800, currentYearInNorway()),
  establishedUnspecified: checkbox,
  orgNr,
  notes: optionalText("Merknadene", 4000),
  taskAreaIds: idList("Velg gyldige oppgaveområder.", 45),
};

/** Checks that ids refer to rows that exist; zod has already checked their shape. */
function referenceErrors(lookups: Lookups, refs: { sectorId?: unknown; legalFormId?: unknown; taskAreaIds?: unknown; municipalityIds?: { field: string; ids: number[] } }): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof refs.sectorId === "number" && !lookups.sectors.has(refs.sectorId)) errors.sectorId = ["Ukjent sektor."];
  if (typeof refs.legalFormId === "number" && !lookups.legalForms.has(refs.legalFormId)) errors.legalFormId = ["Ukjent tilknytningsform."];
  if (Array.isArray(refs.taskAreaIds) && refs.taskAreaIds.some((t) => !lookups.taskAreas.has(t as number))) errors.taskAreaIds = ["Ukjent oppgaveområde."];
  if (refs.municipalityIds && refs.municipalityIds.ids.some((m) => !lookups.municipalities.has(m))) errors[refs.municipalityIds.field] = ["Ukjent kommune."];
  return errors;
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;
const muni = (lookups: Lookups, id: number | null | undefined) => (id ? (lookups.municipalities.get(id) ?? `#${id}`) : "ingen");
const copy = (s: ArrangementSnapshot): ArrangementSnapshot => structuredClone(s);

export const createArrangement: ArrangementOperation = {
  name: "createArrangement",
  kind: "create",
  schema: z.object({
    ...fieldsShape,
    hostMunicipalityId: optionalId("Velg en gyldig vertskommune."),
    participantIds: idList("Velg gyldige deltakerkommuner.", 400).pipe(z.array(z.number()).min(2, { error: "Velg minst to deltakerkommuner." })),
    joinedOn: optionalDate("Startdatoen for deltakelsen"),
  }),
  proposedMunicipalities: (input) => input.participantIds as number[],
  async preview(input, _current, { lookups }) {
    const participantIds = [...new Set(input.participantIds as number[])];
    const errors = referenceErrors(lookups, { ...input, municipalityIds: { field: "participantIds", ids: participantIds } });
    const host = input.hostMunicipalityId as number | null;
    if (host !== null && !participantIds.includes(host)) errors.hostMunicipalityId = ["Vertskommunen må være en av deltakerkommunene."];
    if (hasErrors(errors)) return { errors };
    const after: ArrangementSnapshot = {
      id: null,
      slug: null,
      version: 1,
      name: input.name as string,
      shortName: input.shortName as string | null,
      description: input.description as string | null,
      sectorId: input.sectorId as number,
      legalFormId: input.legalFormId as number | null,
      hostMunicipalityId: host,
      establishedYear: input.establishedYear as number | null,
      establishedUnspecified: input.establishedUnspecified as boolean,
      orgNr: input.orgNr as string | null,
      notes: input.notes as string | null,
      endDate: null,
      endReason: null,
      taskAreaIds: [...new Set(input.taskAreaIds as number[])].sort((a, b) => a - b),
      participants: participantIds.map((municipalityId) => ({ municipalityId, role: "MEMBER", joinedOn: (input.joinedOn as string | null) ?? null, leftOn: null })),
      staffing: [],
    };
    return { after, payload: input };
  },
  summary: (input) => `Ny ordning: ${input.name as string}`,
};

const updateShape = z.object({ arrangementId, baseVersion, ...fieldsShape }).partial().required({ arrangementId: true, baseVersion: true });

export const updateArrangement: ArrangementOperation = {
  name: "updateArrangement",
  kind: "edit",
  schema: updateShape,
  async preview(input, current, { lookups }) {
    const errors = referenceErrors(lookups, input);
    if (hasErrors(errors)) return { errors };
    const after = copy(current!);
    const payload: Record<string, unknown> = { arrangementId: input.arrangementId, baseVersion: input.baseVersion };
    for (const field of SCALAR_FIELDS) {
      if (!(field in input) || input[field] === undefined) continue;
      if (field === "hostMunicipalityId" || field === "endDate" || field === "endReason") continue; // own mutations
      if (after[field] !== input[field]) {
        (after as unknown as Record<string, unknown>)[field] = input[field];
        payload[field] = input[field];
      }
    }
    if (Array.isArray(input.taskAreaIds)) {
      const wanted = [...new Set(input.taskAreaIds as number[])].sort((a, b) => a - b);
      if (wanted.join() !== after.taskAreaIds.join()) {
        after.taskAreaIds = wanted;
        payload.taskAreaIds = wanted;
      }
    }
    return { after, payload };
  },
  summary: (_input, current) => `Endret opplysninger om ${current!.name}`,
};

export const addParticipant: ArrangementOperation = {
  name: "addParticipant",
  kind: "edit",
  schema: z.object({ arrangementId, baseVersion, municipalityId: id("Velg en kommune."), role: role.default("MEMBER"), joinedOn: optionalDate("Datoen kommunen ble med") }),
  async preview(input, current, { lookups }) {
    const municipalityId = input.municipalityId as number;
    if (!lookups.municipalities.has(municipalityId)) return { errors: { municipalityId: ["Ukjent kommune."] } };
    if (activeParticipants(current!).some((p) => p.municipalityId === municipalityId)) return { errors: { municipalityId: ["Kommunen er allerede deltaker i ordningen."] } };
    const after = copy(current!);
    after.participants.push({ municipalityId, role: input.role as "OWNER" | "MEMBER" | "BUYER", joinedOn: (input.joinedOn as string | null) ?? null, leftOn: null });
    return { after, payload: input };
  },
  summary: (input, current, _after, lookups) => `${muni(lookups, input.municipalityId as number)} lagt til som ${participationRoleInText(input.role as "MEMBER")} i ${current!.name}`,
};

export const removeParticipant: ArrangementOperation = {
  name: "removeParticipant",
  kind: "edit",
  schema: z.object({ arrangementId, baseVersion, participationId: id("Ukjent deltakelse."), leftOn: requiredDate("Datoen kommunen gikk ut") }),
  async preview(input, current): Promise<Preview> {
    const after = copy(current!);
    const participant = after.participants.find((p) => p.id === input.participationId);
    if (!participant) return { errors: { participationId: ["Kommunen er ikke deltaker i denne ordningen."] } };
    if (participant.leftOn) return { errors: { participationId: ["Kommunen er allerede registrert som utmeldt."] } };
    if (participant.municipalityId === current!.hostMunicipalityId) return { errors: { participationId: ["Vertskommunen kan ikke meldes ut. Velg en annen vertskommune først."] } };
    const leftOn = input.leftOn as string;
    if (participant.joinedOn && leftOn < participant.joinedOn) return { errors: { leftOn: ["Utmeldingsdatoen kan ikke være før kommunen ble med."] } };
    participant.leftOn = leftOn;
    return { after, payload: input };
  },
  summary: (input, current, after, lookups) => {
    const p = after.participants.find((x) => x.id === input.participationId);
    return `${muni(lookups, p?.municipalityId)} meldt ut av ${current!.name} fra ${input.leftOn as string}`;
  },
};

export const setHost: ArrangementOperation = {
  name: "setHost",
  kind: "edit",
  schema: z.object({ arrangementId, baseVersion, hostMunicipalityId: optionalId("Velg en gyldig vertskommune.") }),
  async preview(input, current) {
    const host = input.hostMunicipalityId as number | null;
    if (host !== null && !activeParticipants(current!).some((p) => p.municipalityId === host)) {
      return { errors: { hostMunicipalityId: ["Vertskommunen må være en av deltakerkommunene."] } };
    }
    return { after: { ...copy(current!), hostMunicipalityId: host }, payload: input };
  },
  summary: (input, current, _after, lookups) => `Vertskommune for ${current!.name} satt til ${muni(lookups, input.hostMunicipalityId as number | null)}`,
};

export const recordStaffing: ArrangementOperation = {
  name: "recordStaffing",
  kind: "edit",
  schema: z.object({
    arrangementId,
    baseVersion,
    year: year("Året", 1900, currentYearInNorway() + 1),
    fte: z.coerce
      .number({ error: "Årsverk må være et tall, for eksempel 4,5." })
      .min(0, { error: "Årsverk kan ikke være negativt." })
      .max(100_000, { error: "Årsverk må være under 100 000." })
      .refine((v) => Math.round(v * 100) === v * 100, { error: "Årsverk kan ha høyst to desimaler." }),
    source: optionalText("Kilden", 300),
  }),
  async preview(input, current) {
    const after = copy(current!);
    const existing = after.staffing.find((s) => s.year === input.year);
    if (existing) {
      existing.fte = input.fte as number;
      existing.source = input.source as string | null;
    } else {
      after.staffing.push({ year: input.year as number, fte: input.fte as number, source: input.source as string | null });
    }
    return { after, payload: input };
  },
  summary: (input, current) => `Årsverk ${input.year as number} registrert for ${current!.name}`,
};

export const endArrangement: ArrangementOperation = {
  name: "endArrangement",
  kind: "edit",
  schema: z.object({ arrangementId, baseVersion, endDate: requiredDate("Sluttdatoen"), endReason: requiredText("Grunnen", 1000) }),
  async preview(input, current) {
    if (current!.endDate) return { errors: { endDate: [`Ordningen er allerede avsluttet (${current!.endDate}).`] } };
    const endDate = input.endDate as string;
    if (current!.establishedYear && Number(endDate.slice(0, 4)) < current!.establishedYear) return { errors: { endDate: ["Sluttdatoen kan ikke være før ordningen ble etablert."] } };
    return { after: { ...copy(current!), endDate, endReason: input.endReason as string }, payload: input };
  },
  summary: (input, current) => `${current!.name} avsluttet fra ${input.endDate as string}`,
};

/**
 * Restores an earlier version from the audit trail as a new change. Participants added after that
 * version are not deleted (nothing is): they are registered as having left today. Staffing years
 * recorded later are kept; years that existed then get their old values back.
 */
export const restoreArrangementVersion: ArrangementOperation = {
  name: "restoreArrangementVersion",
  kind: "restore",
  schema: z.object({ arrangementId, baseVersion, auditEventId: id("Ukjent versjon."), which: z.enum(["before", "after"], { error: "Ukjent versjon." }).default("after") }),
  async preview(input, current, { tx }) {
    const event = await tx.auditEvent.findUnique({ where: { id: input.auditEventId as number } });
    const target = (event?.[input.which as "before" | "after"] ?? null) as ArrangementSnapshot | null;
    if (!event || event.arrangementId !== current!.id || !target || typeof target !== "object") return { errors: { auditEventId: ["Fant ikke den versjonen i historikken til denne ordningen."] } };
    const after = copy(current!);
    for (const field of SCALAR_FIELDS) (after as unknown as Record<string, unknown>)[field] = target[field] ?? null;
    after.establishedUnspecified = Boolean(target.establishedUnspecified);
    after.taskAreaIds = [...(target.taskAreaIds ?? [])];
    const old = new Map((target.participants ?? []).map((p) => [p.id, p]));
    const today = todayInNorway();
    after.participants = after.participants.map((p) => {
      const then = old.get(p.id);
      if (then) return { ...p, role: then.role, joinedOn: then.joinedOn, leftOn: then.leftOn };
      return p.leftOn ? p : { ...p, leftOn: today };
    });
    const oldStaffing = new Map((target.staffing ?? []).map((s) => [s.id, s]));
    after.staffing = after.staffing.map((s) => {
      const then = oldStaffing.get(s.id);
      return then ? { ...s, fte: then.fte, source: then.source } : s;
    });
    if (after.hostMunicipalityId && !activeParticipants(after).some((p) => p.municipalityId === after.hostMunicipalityId)) {
      return { errors: { auditEventId: ["Versjonen kan ikke gjenopprettes: vertskommunen deltar ikke lenger."] } };
    }
    return { after, payload: input };
  },
  summary: (input, current) => `${current!.name} gjenopprettet til en tidligere versjon (hendelse ${input.auditEventId as number})`,
};

export const ARRANGEMENT_OPERATIONS = {
  createArrangement,
  updateArrangement,
  addParticipant,
  removeParticipant,
  setHost,
  recordStaffing,
  endArrangement,
  restoreArrangementVersion,
} as const;

export type ArrangementOperationName = keyof typeof ARRANGEMENT_OPERATIONS;

const norwegianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function period(p: { joinedOn: string | null; leftOn: string | null }): string {
  if (p.joinedOn && p.leftOn) return `fra ${norwegianDate(p.joinedOn)} til ${norwegianDate(p.leftOn)}`;
  if (p.joinedOn) return `fra ${norwegianDate(p.joinedOn)}`;
  if (p.leftOn) return `til ${norwegianDate(p.leftOn)}`;
  return "uten start- og sluttdato";
}

/**
 * A municipality takes part in an arrangement at most once on any day: two participations of one
 * municipality in one arrangement may not both be valid on the same day (joined and left are
 * inclusive; no date means open). The database enforces the same rule (trigger
 * participation_no_overlap, docs/decisions/0028); this check gives the Norwegian message first.
 */
export function participationOverlapErrors(after: ArrangementSnapshot, lookups: Lookups): { errors: FieldErrors; message: string } | null {
  const byMunicipality = new Map<number, ArrangementSnapshot["participants"]>();
  for (const p of after.participants) byMunicipality.set(p.municipalityId, [...(byMunicipality.get(p.municipalityId) ?? []), p]);
  for (const [municipalityId, rows] of byMunicipality) {
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const [a, b] = [rows[i]!, rows[j]!];
        const overlap = (!a.joinedOn || !b.leftOn || a.joinedOn <= b.leftOn) && (!b.joinedOn || !a.leftOn || b.joinedOn <= a.leftOn);
        if (!overlap) continue;
        const [earlier, later] = a.id !== undefined && b.id === undefined ? [a, b] : b.id !== undefined && a.id === undefined ? [b, a] : [a, b];
        const name = lookups.municipalities.get(municipalityId) ?? `Kommune #${municipalityId}`;
        const message =
          `${name} er allerede registrert som deltaker i ordningen ${period(earlier)}, og den nye deltakelsen (${period(later)}) overlapper med den. ` +
          "En kommune kan bare delta én gang i en ordning på samme dag. Oppgi en startdato etter at den forrige deltakelsen sluttet.";
        return { errors: { municipalityId: [message] }, message };
      }
    }
  }
  return null;
}

/** An operation's preview followed by the rules every resulting arrangement must satisfy. */
export async function previewChange(op: ArrangementOperation, input: Record<string, unknown>, current: ArrangementSnapshot | null, ctx: OpContext): Promise<Preview> {
  const preview = await op.preview(input, current, ctx);
  if ("errors" in preview) return preview;
  return participationOverlapErrors(preview.after, ctx.lookups) ?? preview;
}
