import "server-only";
import { z } from "zod";
import { isParticipationCurrentOrUpcoming } from "@/lib/domain/activity";
import { todayInNorway } from "@/lib/domain/today";
import { type ArrangementSnapshot, describeCurrent, diffSnapshots, type Lookups, SCALAR_FIELDS, setField } from "./snapshot.ts";

/**
 * Field-level three-way merging of change requests (docs/decisions/0044-field-level-conflicts.md).
 * A proposal touches a set of keys — a scalar field ("name"), "taskAreaIds", a participant row
 * ("participant:12", or "participant:ny-<municipalityId>" for a new one) or a staffing year
 * ("staffing:2025") — the same keys as the diff. For each it stores the value it was made from
 * (`base`) and the value it proposes. A later change to the arrangement conflicts with it only when
 * one of its keys now holds something else than `base` (and not already the proposed value).
 */
export type FieldValue = string | number | boolean | null | number[] | { [key: string]: string | number | null };

export interface ProposedField {
  key: string;
  base: FieldValue;
  proposed: FieldValue;
}

const value: z.ZodType<FieldValue> = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.number()), z.record(z.string(), z.union([z.string(), z.number(), z.null()]))]);
const storedFields = z.array(z.object({ key: z.string(), base: value, proposed: value }));

/** A change request's stored fields read back checked; null when absent (proposals made before 0044). */
export function readFields(json: unknown): ProposedField[] | null {
  if (json === null || json === undefined) return null;
  const parsed = storedFields.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const isScalar = (key: string): key is (typeof SCALAR_FIELDS)[number] => SCALAR_FIELDS.some((f) => f === key);
const row = (p: { municipalityId: number; role: string; joinedOn: string | null; leftOn: string | null }) => ({
  municipalityId: p.municipalityId,
  role: p.role,
  joinedOn: p.joinedOn,
  leftOn: p.leftOn,
});

/** The value of one key in a snapshot (null when the row does not exist). */
export function valueAt(snapshot: ArrangementSnapshot, key: string): FieldValue {
  if (isScalar(key)) return snapshot[key];
  if (key === "taskAreaIds") return [...snapshot.taskAreaIds].sort((a, b) => a - b);
  const participant = /^participant:(\d+)$/.exec(key);
  if (participant) {
    const p = snapshot.participants.find((x) => x.id === Number(participant[1]));
    return p ? row(p) : null;
  }
  const newcomer = /^participant:ny-(\d+)$/.exec(key);
  if (newcomer) {
    const today = todayInNorway();
    const p = snapshot.participants.find((x) => x.municipalityId === Number(newcomer[1]) && isParticipationCurrentOrUpcoming(x, today));
    return p ? row(p) : null;
  }
  const staffing = /^staffing:(\d+)$/.exec(key);
  if (staffing) {
    const s = snapshot.staffing.find((x) => x.year === Number(staffing[1]));
    return s ? { fte: s.fte, source: s.source } : null;
  }
  throw new Error(`Ukjent feltnøkkel i endringsforslag: ${key}`);
}

const ROLES = ["OWNER", "MEMBER", "BUYER"] as const;
const asRole = (v: unknown) => ROLES.find((r) => r === v) ?? "MEMBER";
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** Sets one key to a value in `snapshot` (mutates it). Rows are never removed: a null leaves them as they are. */
export function setValue(snapshot: ArrangementSnapshot, key: string, v: FieldValue): void {
  if (isScalar(key)) {
    setField(snapshot, key, v as never);
    return;
  }
  if (key === "taskAreaIds") {
    snapshot.taskAreaIds = Array.isArray(v) ? [...v].sort((a, b) => a - b) : [];
    return;
  }
  const record = v !== null && typeof v === "object" && !Array.isArray(v) ? v : null;
  const participant = /^participant:(\d+)$/.exec(key);
  if (participant && record) {
    const p = snapshot.participants.find((x) => x.id === Number(participant[1]));
    if (p) Object.assign(p, { role: asRole(record.role), joinedOn: str(record.joinedOn), leftOn: str(record.leftOn) });
    return;
  }
  const newcomer = /^participant:ny-(\d+)$/.exec(key);
  if (newcomer && record) {
    const municipalityId = Number(newcomer[1]);
    const today = todayInNorway();
    const p = snapshot.participants.find((x) => x.municipalityId === municipalityId && isParticipationCurrentOrUpcoming(x, today));
    const data = { role: asRole(record.role), joinedOn: str(record.joinedOn), leftOn: str(record.leftOn) };
    if (p) Object.assign(p, data);
    else snapshot.participants.push({ municipalityId, ...data });
    return;
  }
  const staffing = /^staffing:(\d+)$/.exec(key);
  if (staffing && record) {
    const year = Number(staffing[1]);
    const s = snapshot.staffing.find((x) => x.year === year);
    const data = { fte: Number(record.fte), source: str(record.source) };
    if (s) Object.assign(s, data);
    else snapshot.staffing.push({ year, ...data });
  }
}

/** Equality of two values; key order does not matter (PostgreSQL's jsonb does not keep it). */
const canonical = (v: FieldValue): string =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))) : JSON.stringify(v);
export const sameValue = (a: FieldValue, b: FieldValue) => canonical(a) === canonical(b);

/** The keys a change from `current` to `after` touches, with their values before and after. */
export function proposedFields(current: ArrangementSnapshot, after: ArrangementSnapshot, lookups: Lookups): ProposedField[] {
  return diffSnapshots(current, after, lookups).map((d) => ({ key: d.field, base: valueAt(current, d.field), proposed: valueAt(after, d.field) }));
}

/** The keys that changed since the proposal was made and do not already hold the proposed value. */
export function conflictingKeys(fields: ProposedField[], now: ArrangementSnapshot): string[] {
  return fields
    .filter((f) => {
      const current = valueAt(now, f.key);
      return !sameValue(current, f.base) && !sameValue(current, f.proposed);
    })
    .map((f) => f.key);
}

/**
 * The arrangement after merging a proposal into `now`: every key takes the proposed value, except
 * conflicting keys for which the adviser chose to keep the current value.
 */
export function mergeProposal(now: ArrangementSnapshot, fields: ProposedField[], keepCurrent: ReadonlySet<string>): ArrangementSnapshot {
  const after = structuredClone(now);
  for (const f of fields) if (!keepCurrent.has(f.key)) setValue(after, f.key, f.proposed);
  return after;
}

/** A readable rendering of one key's value, the same as the diff shows («–» only when there is none). */
export function describeValue(now: ArrangementSnapshot, key: string, v: FieldValue, lookups: Lookups): string | null {
  if (v === null && key !== "taskAreaIds" && !isScalar(key)) return null;
  const probe = structuredClone(now);
  setValue(probe, key, v);
  if (v === null && isScalar(key)) setField(probe, key, null as never);
  return describeCurrent(probe, key, lookups);
}
