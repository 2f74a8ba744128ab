import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { SelectField } from "@/components/editing/fields";
import { ComparisonView } from "@/components/rounds/ComparisonView";
import "@/components/rounds/rounds.css";
import { listMunicipalityOptions } from "@/lib/rounds/queries";
import { readCompareParams, TODAY } from "@/lib/rounds/compare-params";
import { compareSnapshots, listSnapshots } from "@/lib/rounds/snapshots";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sammenlign kartlegginger" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Compare two snapshots («Rapport 2021», closed rounds) or a snapshot with today, for all or one municipality. */
export default async function ComparisonPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = readCompareParams((key) => first(raw[key]));
  const [snapshots, municipalities] = await Promise.all([listSnapshots(), listMunicipalityOptions()]);
  const choices = [...snapshots.map((s) => ({ id: s.slug, name: `${s.name} (${s.arrangements} ordninger)` })), { id: TODAY, name: "Registeret i dag" }];
  const answer = params.ok ? await compareSnapshots(params.value.from, params.value.to, params.value.municipality) : params;
  const chosen = params.ok ? params.value : { from: "rapport-2021", to: TODAY, municipality: null };
  return (
    <div className="stack">
      <Paragraph>
        <NextLink href="/statistikk" className="ds-link">
          Statistikk
        </NextLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        Sammenlign kartlegginger
      </Heading>
      <Paragraph>Et øyeblikksbilde er registeret slik det var da en kartleggingsrunde ble lukket. «Rapport 2021» er registeret per 01.11.2021, da kartleggingsfilen i 2021 ble lukket.</Paragraph>
      <form method="get" className="compare-picker" aria-label="Velg hva som sammenlignes">
        <SelectField label="Fra" name="fra" options={choices} defaultValue={chosen.from} />
        <SelectField label="Til" name="til" options={choices} defaultValue={chosen.to} />
        <SelectField label="Kommune" name="kommune" options={municipalities.map((m) => ({ id: m.slug, name: m.name }))} defaultValue={chosen.municipality ?? ""} emptyLabel="Alle kommuner" />
        <div>
          <Button type="submit" variant="secondary">
            Sammenlign
          </Button>
        </div>
      </form>
      {answer.ok ? (
        <>
          {answer.value.municipality ? (
            <Heading level={2} data-size="md">
              {answer.value.municipality.name}
            </Heading>
          ) : null}
          <ComparisonView value={answer.value} headingLevel={answer.value.municipality ? 3 : 2} />
        </>
      ) : (
        <Alert data-color="warning" role="alert">
          <Paragraph>{answer.message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
