import { isParticipationCurrentOrUpcoming } from "@/lib/domain/activity";
import type { FieldErrors } from "./result.ts";
import type { ArrangementSnapshot, Lookups } from "./snapshot.ts";

/** The rules every arrangement must satisfy after any change, checked after each operation's preview. */
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

/** A preview followed by the rules every resulting arrangement must satisfy. */
export function withCommonRules<P extends { after: ArrangementSnapshot } | { errors: FieldErrors; message?: string }>(preview: P, lookups: Lookups): P | { errors: FieldErrors; message: string } {
  if ("errors" in preview) return preview;
  return participationOverlapErrors(preview.after, lookups) ?? preview;
}

/**
 * The rules that tie fields and rows together, checked when a proposal is merged field by field
 * into a newer version (lib/changes/fields.ts): each operation's own preview checks them for the
 * version it was made on, but two proposals on different keys can each be fine and clash together.
 */
export function mergedArrangementErrors(after: ArrangementSnapshot, lookups: Lookups, today: string): string[] {
  const problems: string[] = [];
  const overlap = participationOverlapErrors(after, lookups);
  if (overlap) problems.push(overlap.message);
  const host = after.hostMunicipalityId;
  if (host !== null && !after.participants.some((p) => p.municipalityId === host && isParticipationCurrentOrUpcoming(p, today))) {
    problems.push(`Vertskommunen (${lookups.municipalities.get(host) ?? `#${host}`}) er ikke lenger deltaker i ordningen.`);
  }
  for (const p of after.participants) {
    if (p.joinedOn && p.leftOn && p.leftOn < p.joinedOn) problems.push(`${lookups.municipalities.get(p.municipalityId) ?? `#${p.municipalityId}`} ville gått ut før den ble med.`);
  }
  if (after.endDate && after.establishedYear && Number(after.endDate.slice(0, 4)) < after.establishedYear) problems.push("Sluttdatoen ville vært før ordningen ble etablert.");
  return problems;
}
