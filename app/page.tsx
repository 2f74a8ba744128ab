import NextLink from "next/link";
import { Card, CardBlock, Heading, Paragraph } from "@digdir/designsystemet-react";
import { formatInteger } from "@/lib/format";
import { registrySummary } from "@/lib/registry/summary";
import { SurveyTaskNotice } from "@/components/rounds/RoundBits";
import { currentActor } from "@/lib/auth/actor";
import { openTasksFor } from "@/lib/rounds/queries";

export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const [summary, actor] = await Promise.all([registrySummary(), currentActor()]);
  const tasks = actor ? await openTasksFor(actor) : [];
  return (
    <div className="stack">
      <SurveyTaskNotice tasks={tasks} />
      <Heading level={1} data-size="lg">
        Interkommunalt samarbeid i Buskerud
      </Heading>
      <Paragraph data-size="lg">
        Samarbeidsregisteret viser alle formelle samarbeidsordninger mellom kommunene i Buskerud og nabokommunene: hvem som samarbeider, om hva, og hvordan samarbeidet er organisert.
      </Paragraph>
      <section aria-labelledby="nokkeltall" className="key-figures">
        <h2 id="nokkeltall" className="visually-hidden">
          Nøkkeltall
        </h2>
        <Card data-color="accent">
          <CardBlock>
            <p className="key-figure__value" data-testid="antall-ordninger">
              {formatInteger(summary.arrangements)}
            </p>
            <Paragraph>samarbeidsordninger i registeret</Paragraph>
          </CardBlock>
        </Card>
        <Card data-color="accent">
          <CardBlock>
            <p className="key-figure__value" data-testid="antall-kartlagte-kommuner">
              {formatInteger(summary.surveyedMunicipalities)}
            </p>
            <Paragraph>kartlagte kommuner</Paragraph>
          </CardBlock>
        </Card>
        <Card data-color="accent">
          <CardBlock>
            <p className="key-figure__value" data-testid="antall-kommuner">
              {formatInteger(summary.municipalities)}
            </p>
            <Paragraph>kommuner deltar i minst én ordning eller er registrert</Paragraph>
          </CardBlock>
        </Card>
      </section>
      <Paragraph>
        <NextLink href="/ordninger" className="ds-link">
          Se alle samarbeidsordninger
        </NextLink>{" "}
        eller{" "}
        <NextLink href="/statistikk" className="ds-link">
          statistikken fra kartleggingen
        </NextLink>
        .
      </Paragraph>
    </div>
  );
}
