import type { EstablishedPeriod } from "@/lib/domain/establishment";
import type { Level } from "@/lib/domain/levels";
import type { ParticipationRoleName } from "@/lib/domain/roles";

export interface MunicipalityRef {
  id: number;
  slug: string;
  name: string;
  /** Today's kommunenummer (validTo null); null when the municipality no longer exists or is unknown. */
  code: string | null;
}

export interface ArrangementRow {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  description: string | null;
  sector: { code: string; name: string };
  taskAreas: { slug: string; name: string }[];
  legalForm: { code: string; name: string; inferred: boolean } | null;
  host: MunicipalityRef | null;
  participants: (MunicipalityRef & { role: ParticipationRoleName })[];
  /** Participants named in the registry on the reference date. */
  namedParticipantCount: number;
  /** max(named, statedParticipantCount): the count the level statistics use. */
  participantCount: number;
  level: Level;
  crossCounty: boolean;
  establishedYear: number | null;
  establishedLabel: string;
  period: EstablishedPeriod;
  endDate: string | null;
  active: boolean;
  /** Organisasjonsnummer in Enhetsregisteret (companies and other registered entities). */
  orgNr: string | null;
  /** The first citation for the arrangement itself ("NIVI 2021, Tabell 5.1, rad 1"). */
  source: string | null;
}

export interface UnknownFilterValue {
  parameter: string;
  value: string;
  message: string;
}

export interface ArrangementPage {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  rows: ArrangementRow[];
  /** The reference date (YYYY-MM-DD) the participants, levels and status were computed for. */
  date: string;
  status: "alle" | "aktive" | "avsluttede";
  sort: { key: string; direction: "stigende" | "synkende" };
  unknown: UnknownFilterValue[];
}

/** What the /ordninger table shows of a row: the client component receives only these fields. */
export type ArrangementTableRow = Pick<ArrangementRow, "slug" | "name" | "sector" | "taskAreas" | "legalForm" | "host" | "participantCount" | "level" | "establishedLabel" | "crossCounty">;

/** A row cut to what the table shows (the rest would only be serialised into the page twice). */
export function toTableRow(r: ArrangementRow): ArrangementTableRow {
  return {
    slug: r.slug,
    name: r.name,
    sector: { code: r.sector.code, name: r.sector.name },
    taskAreas: r.taskAreas.map((t) => ({ slug: t.slug, name: t.name })),
    legalForm: r.legalForm ? { code: r.legalForm.code, name: r.legalForm.name, inferred: r.legalForm.inferred } : null,
    host: r.host ? { id: r.host.id, slug: r.host.slug, name: r.host.name, code: r.host.code } : null,
    participantCount: r.participantCount,
    level: r.level,
    establishedLabel: r.establishedLabel,
    crossCounty: r.crossCounty,
  };
}
