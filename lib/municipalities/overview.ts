import "server-only";
import { cache } from "react";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { prisma } from "@/lib/db";
import type { ParticipationRoleName } from "@/lib/domain/roles";
import { isoDateOf } from "@/lib/domain/today";
import { COMPANY_FORMS } from "@/lib/quality/rules";
import { municipalityDetail, type MunicipalityDetail } from "./index";

export interface OverviewRow {
  row: ArrangementRow;
  /** The municipality's own role in the arrangement. */
  role: ParticipationRoleName | null;
  hostedHere: boolean;
  agreement: { date: string | null; revisedDate: string | null; url: string | null; hasFile: boolean };
}

export interface MunicipalityOverview {
  municipality: Pick<MunicipalityDetail, "id" | "slug" | "name" | "currentCode" | "county" | "region">;
  date: string;
  /** IKS and AS the municipality takes part in (owns), with organisation numbers: the ownership report's list. */
  companies: OverviewRow[];
  /** Every active arrangement, by name. */
  arrangements: OverviewRow[];
}

const collator = new Intl.Collator("nb");

/**
 * One municipality's printable overview (app/kommuner/[nummer]/oversikt): all its active
 * arrangements and the companies it owns, for the annual report and the eierskapsmelding. Once per
 * request (React cache): generateMetadata and the page share one load.
 */
export const municipalityOverview = cache(loadMunicipalityOverview);

async function loadMunicipalityOverview(id: number): Promise<MunicipalityOverview> {
  const m = await municipalityDetail(id);
  const rows = m.groups.flatMap((g) => g.rows).filter((r) => r.active);
  const agreements = await prisma.arrangement.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true, agreementDate: true, agreementRevisedDate: true, agreementUrl: true, agreementFile: { select: { arrangementId: true } } },
  });
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const overview = rows
    .map((row): OverviewRow => {
      const a = byId.get(row.id);
      return {
        row,
        role: row.participants.find((p) => p.id === id)?.role ?? null,
        hostedHere: row.host?.id === id,
        agreement: { date: isoDateOf(a?.agreementDate ?? null), revisedDate: isoDateOf(a?.agreementRevisedDate ?? null), url: a?.agreementUrl ?? null, hasFile: Boolean(a?.agreementFile) },
      };
    })
    .sort((x, y) => collator.compare(x.row.name, y.row.name));
  return {
    municipality: { id: m.id, slug: m.slug, name: m.name, currentCode: m.currentCode, county: m.county, region: m.region },
    date: m.date,
    companies: overview.filter((o) => o.row.legalForm && COMPANY_FORMS.includes(o.row.legalForm.code)),
    arrangements: overview,
  };
}
