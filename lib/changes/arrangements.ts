import { z } from "zod";
import type { Actor } from "@/lib/auth/authorize";
import { participationRoleInText } from "@/lib/domain/roles";
import { currentYearInNorway, todayInNorway } from "@/lib/domain/today";
import { participationExistenceErrors } from "./municipality-rules.ts";
import type { FieldErrors } from "./result.ts";
import { withCommonRules } from "./rules.ts";
import { activeParticipants, type ArrangementSnapshot, loadSnapshot, type Lookups, readSnapshot, SCALAR_FIELDS, setField, type Tx } from "./snapshot.ts";
import { checkbox, fromNorwegianNumber, id, idList, optionalDate, optionalId, optionalText, optionalYear, orgNr, requiredDate, requiredText, year } from "./validation.ts";

/**
 * The arrangement mutations. Each one is a zod schema plus a `preview`: the arrangement as it would
 * be after the change, or field errors when the change does not fit the current state. Both are
 * typed from the schema (createOperation/editOperation), so no operation casts its input. The
 * pipeline (pipeline.ts) does the rest the same way for all of them: authorize, conflict check,
 * propose or apply, audit — in one transaction.
 */
export interface OpContext {
  tx: Tx;
  lookups: Lookups;
  actor: Actor;
}

export type Preview = { after: ArrangementSnapshot; payload: Record<string, unknown> } | { errors: FieldErrors; message?: string };

/** create: authorized against the proposed participants; edit: against the current ones; restore: advisers only. */
export type OperationKind = "create" | "edit" | "restore";

/** A validated change bound to the arrangement it changes: what the pipeline and the review see of any operation. */
export interface BoundChange {
  name: string;
  kind: OperationKind;
  /** The arrangement as stored now; null for a new one. */
  current: ArrangementSnapshot | null;
  /** The version the editor saw (edits); checked against current.version. */
  baseVersion: number | null;
  /** Whose editors may propose it: the proposed participants (create) or the current ones (edits). */
  municipalityIds: number[];
  /** The operation's preview followed by the rules every resulting arrangement must satisfy. */
  preview(ctx: OpContext): Promise<Preview>;
  summary(after: ArrangementSnapshot, lookups: Lookups): string;
}

/** A validated change, not yet bound: null when the arrangement it names does not exist. */
export type ParsedChange = (tx: Tx) => Promise<BoundChange | null>;

export interface ArrangementOperation {
  name: string;
  kind: OperationKind;
  /** zod-validates the raw input; the output binds the typed input to the stored arrangement. */
  schema: z.ZodType<ParsedChange, unknown>;
}

interface CreateDefinition<S extends z.ZodType> {
  name: string;
  schema: S;
  proposedMunicipalities(input: z.output<S>): number[];
  preview(input: z.output<S>, ctx: OpContext): Promise<Preview>;
  summary(input: z.output<S>, after: ArrangementSnapshot, lookups: Lookups): string;
}

function createOperation<S extends z.ZodType>(def: CreateDefinition<S>): ArrangementOperation {
  const bind =
    (input: z.output<S>): ParsedChange =>
    async () => ({
      name: def.name,
      kind: "create",
      current: null,
      baseVersion: null,
      municipalityIds: def.proposedMunicipalities(input),
      preview: async (ctx) => withCommonRules(await def.preview(input, ctx), ctx.lookups),
      summary: (after, lookups) => def.summary(input, after, lookups),
    });
  return { name: def.name, kind: "create", schema: def.schema.transform(bind) };
}

interface EditDefinition<S extends z.ZodType<{ arrangementId: number; baseVersion: number }>> {
  name: string;
  kind?: "edit" | "restore";
  schema: S;
  preview(input: z.output<S>, current: ArrangementSnapshot, ctx: OpContext): Promise<Preview>;
  summary(input: z.output<S>, current: ArrangementSnapshot, after: ArrangementSnapshot, lookups: Lookups): string;
}

function editOperation<S extends z.ZodType<{ arrangementId: number; baseVersion: number }>>(def: EditDefinition<S>): ArrangementOperation {
  const kind = def.kind ?? "edit";
  const bind =
    (input: z.output<S>): ParsedChange =>
    async (tx) => {
      const current = await loadSnapshot(tx, input.arrangementId);
      if (!current) return null;
      return {
        name: def.name,
        kind,
        current,
        baseVersion: input.baseVersion,
        municipalityIds: activeParticipants(current).map((p) => p.municipalityId),
        preview: async (ctx) => withCommonRules(await def.preview(input, current, ctx), ctx.lookups),
        summary: (after, lookups) => def.summary(input, current, after, lookups),
      };
    };
  return { name: def.name, kind, schema: def.schema.transform(bind) };
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
function referenceErrors(lookups: Lookups, refs: { sectorId?: number; legalFormId?: number | null; taskAreaIds?: number[]; municipalityIds?: { field: string; ids: number[] } }): FieldErrors {
  const errors: FieldErrors = {};
  if (refs.sectorId !== undefined && !lookups.sectors.has(refs.sectorId)) errors.sectorId = ["Ukjent sektor."];
  if (typeof refs.legalFormId === "number" && !lookups.legalForms.has(refs.legalFormId)) errors.legalFormId = ["Ukjent tilknytningsform."];
  if (refs.taskAreaIds?.some((t) => !lookups.taskAreas.has(t))) errors.taskAreaIds = ["Ukjent oppgaveområde."];
  if (refs.municipalityIds && refs.municipalityIds.ids.some((m) => !lookups.municipalities.has(m))) errors[refs.municipalityIds.field] = ["Ukjent kommune."];
  return errors;
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;
const muni = (lookups: Lookups, id: number | null | undefined) => (id ? (lookups.municipalities.get(id) ?? `#${id}`) : "ingen");
const copy = (s: ArrangementSnapshot): ArrangementSnapshot => structuredClone(s);
const sortedIds = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

export const createArrangement = createOperation({
  name: "createArrangement",
  schema: z.object({
    ...fieldsShape,
    hostMunicipalityId: optionalId("Velg en gyldig vertskommune."),
    participantIds: idList("Velg gyldige deltakerkommuner.", 400).pipe(z.array(z.number()).min(2, { error: "Velg minst to deltakerkommuner." })),
    joinedOn: optionalDate("Startdatoen for deltakelsen"),
  }),
  proposedMunicipalities: (input) => input.participantIds,
  async preview(input, { tx, lookups }) {
    const participantIds = [...new Set(input.participantIds)];
    const errors = referenceErrors(lookups, { ...input, municipalityIds: { field: "participantIds", ids: participantIds } });
    const host = input.hostMunicipalityId;
    if (host !== null && !participantIds.includes(host)) errors.hostMunicipalityId = ["Vertskommunen må være en av deltakerkommunene."];
    if (hasErrors(errors)) return { errors };
    const existence = await participationExistenceErrors(
      tx,
      "participantIds",
      participantIds.map((municipalityId) => ({ municipalityId, joinedOn: input.joinedOn, leftOn: null })),
    );
    if (hasErrors(existence)) return { errors: existence };
    const after: ArrangementSnapshot = {
      id: null,
      slug: null,
      version: 1,
      name: input.name,
      shortName: input.shortName,
      description: input.description,
      sectorId: input.sectorId,
      legalFormId: input.legalFormId,
      hostMunicipalityId: host,
      establishedYear: input.establishedYear,
      establishedUnspecified: input.establishedUnspecified,
      orgNr: input.orgNr,
      notes: input.notes,
      endDate: null,
      endReason: null,
      taskAreaIds: sortedIds(input.taskAreaIds),
      participants: participantIds.map((municipalityId) => ({ municipalityId, role: "MEMBER", joinedOn: input.joinedOn, leftOn: null })),
      staffing: [],
    };
    return { after, payload: input };
  },
  summary: (input) => `Ny ordning: ${input.name}`,
});

/** The fields updateArrangement changes; the host and the end have their own mutations. */
const UPDATABLE = ["name", "shortName", "description", "sectorId", "legalFormId", "establishedYear", "establishedUnspecified", "orgNr", "notes"] as const;

export const updateArrangement = editOperation({
  name: "updateArrangement",
  schema: z
    .object({ arrangementId, baseVersion, ...fieldsShape })
    .partial()
    .required({ arrangementId: true, baseVersion: true }),
  async preview(input, current, { lookups }) {
    const errors = referenceErrors(lookups, input);
    if (hasErrors(errors)) return { errors };
    const after = copy(current);
    const payload: Record<string, unknown> = { arrangementId: input.arrangementId, baseVersion: input.baseVersion };
    for (const field of UPDATABLE) {
      const value = input[field];
      if (value === undefined || after[field] === value) continue;
      setField(after, field, value);
      payload[field] = value;
    }
    if (input.taskAreaIds) {
      const wanted = sortedIds(input.taskAreaIds);
      if (wanted.join() !== after.taskAreaIds.join()) {
        after.taskAreaIds = wanted;
        payload.taskAreaIds = wanted;
      }
    }
    return { after, payload };
  },
  summary: (_input, current) => `Endret opplysninger om ${current.name}`,
});

export const addParticipant = editOperation({
  name: "addParticipant",
  schema: z.object({ arrangementId, baseVersion, municipalityId: id("Velg en kommune."), role: role.default("MEMBER"), joinedOn: optionalDate("Datoen kommunen ble med") }),
  async preview(input, current, { tx, lookups }) {
    const { municipalityId } = input;
    if (!lookups.municipalities.has(municipalityId)) return { errors: { municipalityId: ["Ukjent kommune."] } };
    if (activeParticipants(current).some((p) => p.municipalityId === municipalityId)) return { errors: { municipalityId: ["Kommunen er allerede deltaker i ordningen."] } };
    const existence = await participationExistenceErrors(tx, "municipalityId", [{ municipalityId, joinedOn: input.joinedOn, leftOn: null }]);
    if (hasErrors(existence)) return { errors: existence };
    const after = copy(current);
    after.participants.push({ municipalityId, role: input.role, joinedOn: input.joinedOn, leftOn: null });
    return { after, payload: input };
  },
  summary: (input, current, _after, lookups) => `${muni(lookups, input.municipalityId)} lagt til som ${participationRoleInText(input.role)} i ${current.name}`,
});

export const removeParticipant = editOperation({
  name: "removeParticipant",
  schema: z.object({ arrangementId, baseVersion, participationId: id("Ukjent deltakelse."), leftOn: requiredDate("Datoen kommunen gikk ut") }),
  async preview(input, current): Promise<Preview> {
    const after = copy(current);
    const participant = after.participants.find((p) => p.id === input.participationId);
    if (!participant) return { errors: { participationId: ["Kommunen er ikke deltaker i denne ordningen."] } };
    if (participant.leftOn) return { errors: { participationId: ["Kommunen er allerede registrert som utmeldt."] } };
    if (participant.municipalityId === current.hostMunicipalityId) return { errors: { participationId: ["Vertskommunen kan ikke meldes ut. Velg en annen vertskommune først."] } };
    const { leftOn } = input;
    if (participant.joinedOn && leftOn < participant.joinedOn) return { errors: { leftOn: ["Utmeldingsdatoen kan ikke være før kommunen ble med."] } };
    participant.leftOn = leftOn;
    return { after, payload: input };
  },
  summary: (input, current, after, lookups) => {
    const p = after.participants.find((x) => x.id === input.participationId);
    return `${muni(lookups, p?.municipalityId)} meldt ut av ${current.name} fra ${input.leftOn}`;
  },
});

export const setHost = editOperation({
  name: "setHost",
  schema: z.object({ arrangementId, baseVersion, hostMunicipalityId: optionalId("Velg en gyldig vertskommune.") }),
  async preview(input, current) {
    const host = input.hostMunicipalityId;
    if (host !== null && !activeParticipants(current).some((p) => p.municipalityId === host)) {
      return { errors: { hostMunicipalityId: ["Vertskommunen må være en av deltakerkommunene."] } };
    }
    return { after: { ...copy(current), hostMunicipalityId: host }, payload: input };
  },
  summary: (input, current, _after, lookups) => `Vertskommune for ${current.name} satt til ${muni(lookups, input.hostMunicipalityId)}`,
});

export const recordStaffing = editOperation({
  name: "recordStaffing",
  schema: z.object({
    arrangementId,
    baseVersion,
    year: year("Året", 1900, currentYearInNorway() + 1),
    fte: z.preprocess(
      fromNorwegianNumber,
      z
        .number({ error: "Årsverk må være et tall, for eksempel 4,5." })
        .min(0, { error: "Årsverk kan ikke være negativt." })
        .max(100_000, { error: "Årsverk må være under 100 000." })
        .refine((v) => Math.round(v * 100) === v * 100, { error: "Årsverk kan ha høyst to desimaler." }),
    ),
    source: optionalText("Kilden", 300),
  }),
  async preview(input, current) {
    const after = copy(current);
    const existing = after.staffing.find((s) => s.year === input.year);
    if (existing) {
      existing.fte = input.fte;
      existing.source = input.source;
    } else {
      after.staffing.push({ year: input.year, fte: input.fte, source: input.source });
    }
    return { after, payload: input };
  },
  summary: (input, current) => `Årsverk ${input.year} registrert for ${current.name}`,
});

export const endArrangement = editOperation({
  name: "endArrangement",
  schema: z.object({ arrangementId, baseVersion, endDate: requiredDate("Sluttdatoen"), endReason: requiredText("Grunnen", 1000) }),
  async preview(input, current) {
    if (current.endDate) return { errors: { endDate: [`Ordningen er allerede avsluttet (${current.endDate}).`] } };
    const { endDate, endReason } = input;
    if (current.establishedYear && Number(endDate.slice(0, 4)) < current.establishedYear) return { errors: { endDate: ["Sluttdatoen kan ikke være før ordningen ble etablert."] } };
    return { after: { ...copy(current), endDate, endReason }, payload: input };
  },
  summary: (input, current) => `${current.name} avsluttet fra ${input.endDate}`,
});

/**
 * Restores an earlier version from the audit trail as a new change. Participants added after that
 * version are not deleted (nothing is): they are registered as having left today. Staffing years
 * recorded later are kept; years that existed then get their old values back.
 */
export const restoreArrangementVersion = editOperation({
  name: "restoreArrangementVersion",
  kind: "restore",
  schema: z.object({ arrangementId, baseVersion, auditEventId: id("Ukjent versjon."), which: z.enum(["before", "after"], { error: "Ukjent versjon." }).default("after") }),
  async preview(input, current, { tx }) {
    const event = await tx.auditEvent.findUnique({ where: { id: input.auditEventId } });
    const target = event ? readSnapshot(event[input.which]) : null;
    if (!event || event.arrangementId !== current.id || !target) return { errors: { auditEventId: ["Fant ikke den versjonen i historikken til denne ordningen."] } };
    const after = copy(current);
    for (const field of SCALAR_FIELDS) setField(after, field, target[field]);
    after.establishedUnspecified = target.establishedUnspecified;
    after.taskAreaIds = [...target.taskAreaIds];
    const old = new Map(target.participants.map((p) => [p.id, p]));
    const today = todayInNorway();
    after.participants = after.participants.map((p) => {
      const then = old.get(p.id);
      if (then) return { ...p, role: then.role, joinedOn: then.joinedOn, leftOn: then.leftOn };
      return p.leftOn ? p : { ...p, leftOn: today };
    });
    const oldStaffing = new Map(target.staffing.map((s) => [s.id, s]));
    after.staffing = after.staffing.map((s) => {
      const then = oldStaffing.get(s.id);
      return then ? { ...s, fte: then.fte, source: then.source } : s;
    });
    if (after.hostMunicipalityId && !activeParticipants(after).some((p) => p.municipalityId === after.hostMunicipalityId)) {
      return { errors: { auditEventId: ["Versjonen kan ikke gjenopprettes: vertskommunen deltar ikke lenger."] } };
    }
    return { after, payload: input };
  },
  summary: (input, current) => `${current.name} gjenopprettet til en tidligere versjon (hendelse ${input.auditEventId})`,
});

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

/** The operation a stored change request names; undefined for a name no operation has. */
export function operationNamed(name: string): ArrangementOperation | undefined {
  return Object.values(ARRANGEMENT_OPERATIONS).find((op) => op.name === name);
}
