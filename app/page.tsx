import NextLink from "next/link";
import { Card, CardBlock, Heading, Paragraph } from "@digdir/designsystemet-react";

import { registrySummary } from "@/lib/registry/summary";
import { SurveyTaskNotice } from "@/components/rounds/RoundBits";
import { currentActor } from "@/lib/auth/actor";
import { formatDay, formatInteger, withNorwegianDates } from "@/lib/format";
import { frontPageTasks, recentlyChangedArrangements, type FrontPageTasks, type RecentChange } from "@/lib/site/front-page";

export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const [summary, actor, recent] = await Promise.all([registrySummary(), currentActor(), recentlyChangedArrangements()]);
  const tasks = actor ? await frontPageTasks(actor) : null;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Interkommunalt samarbeid i Buskerud
      </Heading>
      {tasks && <YourTasks tasks={tasks} />}
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
      <RecentChanges changes={recent} />
    </div>
  );
}

/** The logged-in user's tasks: proposals to review (advisers), own open proposals, survey rounds. */
function YourTasks({ tasks }: { tasks: FrontPageTasks }) {
  const nothing = !tasks.toReview && !tasks.ownPending && tasks.ownReturned.length === 0 && tasks.surveys.length === 0;
  return (
    <section aria-labelledby="dine-oppgaver" className="stack front-tasks" data-testid="dine-oppgaver">
      <Heading level={2} data-size="sm" id="dine-oppgaver">
        Dine oppgaver
      </Heading>
      {nothing && <Paragraph>Du har ingen ventende oppgaver.</Paragraph>}
      {tasks.toReview ? (
        <Paragraph>
          <NextLink href="/endringsforslag" className="ds-link" data-testid="til-vurdering">
            {tasks.toReview === 1 ? "1 endringsforslag venter" : `${formatInteger(tasks.toReview)} endringsforslag venter`} på din vurdering
          </NextLink>
        </Paragraph>
      ) : null}
      {tasks.ownPending ? (
        <Paragraph>
          <NextLink href="/mine-forslag" className="ds-link" data-testid="mine-ventende">
            {tasks.ownPending === 1 ? "1 av forslagene dine venter" : `${formatInteger(tasks.ownPending)} av forslagene dine venter`} på Statsforvalteren
          </NextLink>
        </Paragraph>
      ) : null}
      {tasks.ownReturned.length > 0 && (
        <div>
          <Paragraph>Sendt tilbake til deg for endring:</Paragraph>
          <ul className="front-list">
            {tasks.ownReturned.map((r) => (
              <li key={r.id}>
                <NextLink href={`/endringsforslag/${r.id}`} className="ds-link">
                  {withNorwegianDates(r.summary)}
                </NextLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SurveyTaskNotice tasks={tasks.surveys} headingLevel={3} />
    </section>
  );
}

/** Recently changed arrangements, for everyone (applied changes from the change log). */
function RecentChanges({ changes }: { changes: RecentChange[] }) {
  return (
    <section aria-labelledby="sist-endret" className="stack" data-testid="sist-endret">
      <Heading level={2} data-size="sm" id="sist-endret">
        Sist endrede ordninger
      </Heading>
      {changes.length === 0 ? (
        <Paragraph>Ingen endringer er registrert ennå.</Paragraph>
      ) : (
        <ul className="front-list">
          {changes.map((c) => (
            <li key={c.arrangementId}>
              <time dateTime={c.at.toISOString()}>{formatDay(c.at)}</time>{" "}
              <NextLink href={`/ordninger/${c.slug}`} className="ds-link">
                {c.name}
              </NextLink>
              <span className="front-list__summary"> – {withNorwegianDates(c.summary)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
