import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { formatShortDate } from "@/lib/format";
import { parseStatsParams, scopeLabel } from "@/lib/stats/params";
import { loadStatPage, OVERVIEW_PAGE, reportDateLabel, statPageInfo } from "@/lib/stats/pages";
import { filterParams, tablePageOf } from "../_components/params";
import { ParamsError } from "../_components/ParamsError";
import { StatSectionView } from "../_components/StatSectionView";
import { StatsFilter } from "../_components/StatsFilter";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ side: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { side } = await params;
  const page = statPageInfo(side);
  return { title: page ? `${page.title} – statistikk` : OVERVIEW_PAGE.title };
}

export default async function StatisticsPage({ params, searchParams }: Props) {
  const { side } = await params;
  const definition = statPageInfo(side);
  if (!definition || side === OVERVIEW_PAGE.slug) notFound();
  const raw = await searchParams;
  const parsed = await parseStatsParams(raw);
  const filter = filterParams(raw);
  const [page, reportDate] = await Promise.all([parsed.ok ? loadStatPage(side, parsed.query) : null, reportDateLabel()]);
  return (
    <div className="stack">
      <Paragraph data-size="sm">
        <NextLink href="/statistikk" className="ds-link">
          {OVERVIEW_PAGE.title}
        </NextLink>{" "}
        › {definition.reportRef}
      </Paragraph>
      <Heading level={1} data-size="lg">
        {definition.title}
      </Heading>
      {page && <Paragraph>{page.intro}</Paragraph>}
      <StatsFilter action={`/statistikk/${side}`} dato={parsed.ok ? parsed.dato : ""} region={parsed.ok ? parsed.region : null} regions={parsed.regions} />
      {!parsed.ok && <ParamsError message={parsed.message} resetHref={`/statistikk/${side}`} />}
      {page && parsed.ok && (
        <>
          <Paragraph data-size="sm" data-testid="utvalg">
            Per {formatShortDate(parsed.dato)} for {scopeLabel(parsed.query.scope)}. Rapportens tall gjelder {reportDate ?? "kartleggingsdatoen"}.
          </Paragraph>
          {page.sections.map((section) => (
            <StatSectionView key={section.id} section={section} pageSlug={side} params={filter} tablePage={tablePageOf(raw, section.table.id)} />
          ))}
        </>
      )}
    </div>
  );
}
