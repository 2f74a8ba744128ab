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
