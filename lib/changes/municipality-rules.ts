import "server-only";
import type { Tx } from "@/lib/db";
import { type MunicipalityValidity, municipalityExistsOn, municipalityExistsThroughout, municipalityLabels, participationDays } from "@/lib/domain/municipalities";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { formatShortDate } from "@/lib/format";
import type { FieldErrors } from "./result.ts";

/** Every municipality with its code and county periods as YYYY-MM-DD (pickers and the existence rule). */
export async function municipalityValidity(tx: Tx): Promise<MunicipalityValidity[]> {
  const rows = await tx.municipality.findMany({
    select: {
      id: true,
      name: true,
      codes: { select: { validFrom: true, validTo: true } },
      counties: { select: { validFrom: true, validTo: true, county: { select: { name: true } } } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    codes: m.codes.map((c) => ({ validFrom: isoDateOf(c.validFrom)!, validTo: isoDateOf(c.validTo) })),
    counties: m.counties.map((c) => ({ name: c.county.name, validFrom: isoDateOf(c.validFrom)!, validTo: isoDateOf(c.validTo) })),
  }));
}

/**
 * A new participation needs a municipality that exists on its days (lib/domain/municipalities.ts):
 * Hurum, merged into Asker on 1.1.2020, cannot join anything today. Field errors on `field`, in
 * Norwegian; none when every municipality exists.
 */
export async function participationExistenceErrors(tx: Tx, field: string, participations: { municipalityId: number; joinedOn: string | null; leftOn: string | null }[]): Promise<FieldErrors> {
  if (participations.length === 0) return {};
  const today = todayInNorway();
  const all = await municipalityValidity(tx);
  const byId = new Map(all.map((m) => [m.id, m]));
  const messages: string[] = [];
  for (const p of participations) {
    const m = byId.get(p.municipalityId);
    if (!m) continue; // unknown ids have their own message
    const { from, to } = participationDays(p, today);
    if (municipalityExistsThroughout(m.codes, from, to)) continue;
    const name = municipalityLabels(all, to).get(m.id) ?? m.name;
    if (!municipalityExistsOn(m.codes, to)) {
      messages.push(
        to === today
          ? `${name} finnes ikke lenger som egen kommune, og kan ikke få nye deltakelser. Tidligere kommuner vises bare i historikken.`
          : `${name} fantes ikke som kommune ${formatShortDate(to)}.`,
      );
    } else {
      messages.push(`${name} fantes ikke som kommune ${formatShortDate(from)}. Velg en startdato da kommunen fantes, eller la datoen stå tom.`);
    }
  }
  return messages.length ? { [field]: messages } : {};
}
