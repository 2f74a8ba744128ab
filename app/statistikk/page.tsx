import NextLink from "next/link";
import type { Metadata } from "next";
import { Card, CardBlock, Heading, Paragraph } from "@digdir/designsystemet-react";
import { formatDecimal, formatInteger, formatShortDate } from "@/lib/format";
import { REPORT_LABEL } from "@/lib/domain/report-figures";
import { SAME_MUNICIPALITIES_LABEL } from "@/lib/stats/pages/compare";
import { parseStatsParams, scopeLabel } from "@/lib/stats/params";
import { OVERVIEW_PAGE, overviewPage } from "@/lib/stats/pages";
import { filterParams } from "./_components/params";
import { ParamsError } from "./_components/ParamsError";
import { StatSectionView } from "./_components/StatSectionView";
import { StatsFilter } from "./_components/StatsFilter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: OVERVIEW_PAGE.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function KeyFigure({ testId, value, report, label, reportLabel }: { testId: string; value: string; report: string | null; label: string; reportLabel: string }) {
  return (
    <Card data-color="accent">
      <CardBlock>
        <p className="key-figure__value" data-testid={testId}>
          {value}
        </p>
        <Paragraph>{label}</Paragraph>
        {report !== null && (
          <Paragraph data-size="sm">
            {reportLabel}: {report}
          </Paragraph>
        )}
      </CardBlock>
    </Card>
  );
}

export default async function StatisticsOverviewPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = await parseStatsParams(raw);
  const params = filterParams(raw);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {OVERVIEW_PAGE.title}
      </Heading>
      <Paragraph>
        Tabellene og figurene fra NIVI Analyses rapport «Interkommunalt samarbeid i Buskerud» (2021), beregnet på nytt fra registeret ved hver visning. Endringer som Statsforvalteren har godkjent,
        vises straks. Rapportens trykte tall står ved siden av, med forklaring der de avviker.
      </Paragraph>
      <Paragraph>
        <NextLink href="/statistikk/sammenligning" className="ds-link">
          Sammenlign kartlegginger: hva som er nytt, avsluttet og endret siden Rapport 2021
        </NextLink>
      </Paragraph>
      <StatsFilter action="/statistikk" dato={parsed.ok ? parsed.dato : ""} region={parsed.ok ? parsed.region : null} regions={parsed.regions} />
      {!parsed.ok ? <ParamsError message={parsed.message} resetHref="/statistikk" /> : <Overview query={parsed.query} params={params} />}
    </div>
  );
}

async function Overview({ query, params }: { query: Parameters<typeof overviewPage>[0]; params: URLSearchParams }) {
  const page = await overviewPage(query);
  const o = page.overview;
  const reportLabel = page.comparedWith ? SAME_MUNICIPALITIES_LABEL : REPORT_LABEL;
  return (
    <>
      <section aria-labelledby="hovedtall" className="stack">
        <Heading level={2} data-size="md" id="hovedtall">
          Hovedtall per {formatShortDate(query.asOf)} for {scopeLabel(query.scope)}
        </Heading>
        <div className="key-figures">
          <KeyFigure
            testId="antall-ordninger"
            value={formatInteger(o.totals.arrangements)}
            report={o.report.arrangements === null ? null : formatInteger(o.report.arrangements)}
            reportLabel={reportLabel}
            label="samarbeidsordninger"
          />
          <KeyFigure
            testId="antall-kommuner"
            value={formatInteger(o.totals.municipalities)}
            report={o.report.municipalities === null ? null : formatInteger(o.report.municipalities)}
            reportLabel={reportLabel}
            label="kommuner i utvalget"
          />
          <KeyFigure
            testId="snitt-per-kommune"
            value={o.municipalities.mean === null ? "–" : formatDecimal(o.municipalities.mean, 1)}
            report={o.report.mean === null ? null : formatDecimal(o.report.mean, 1)}
            reportLabel={reportLabel}
            label="ordninger per kommune i snitt"
          />
          <KeyFigure
            testId="over-fylkesgrenser"
            value={formatInteger(o.crossCounty.total)}
            report={o.report.crossCounty === null ? null : formatInteger(o.report.crossCounty)}
            reportLabel={reportLabel}
            label="ordninger over fylkesgrensene"
          />
        </div>
        {page.comparedWith && (
          <Paragraph data-size="sm" data-testid="sammenligningsgrunnlag">
            {page.comparedWith}
          </Paragraph>
        )}
      </section>
      {page.sections.map((section) => (
        <StatSectionView key={section.id} section={section} pageSlug="oversikt" params={params} />
      ))}
    </>
  );
}
