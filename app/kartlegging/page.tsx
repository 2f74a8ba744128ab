import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { formatTimestamp, SurveyTaskNotice } from "@/components/rounds/RoundBits";
import { OpenRoundForm } from "@/components/rounds/RoundForms";
import "@/components/registry/registry.css";
import "@/components/rounds/rounds.css";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { formOptions } from "@/lib/changes/queries";
import { currentYearInNorway, todayInNorway } from "@/lib/domain/today";
import { listRounds, openTasksFor } from "@/lib/rounds/queries";
import { formatDeadline } from "@/lib/rounds/reminder";
import { ROUND_STATE_LABELS, ROUND_STATES } from "@/lib/rounds/state";
import { openSurveyRoundAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Kartlegging" };

const inDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Survey rounds: advisers see every round and open new ones; editors see their tasks. */
export default async function SurveyRoundsPage() {
  const actor = await requireActor("/kartlegging");
  const manages = authorize(actor, "surveyRound.manage").allowed;
  if (!manages) {
    const tasks = await openTasksFor(actor);
    return (
      <div className="stack">
        <Heading level={1} data-size="lg">
          Kartlegging
        </Heading>
        {tasks.length ? <SurveyTaskNotice tasks={tasks} /> : <Paragraph>Det er ingen åpen kartleggingsrunde for kommunen deres nå.</Paragraph>}
        <Paragraph>
          <NextLink href="/statistikk/sammenligning" className="ds-link">
            Sammenlign registeret med tidligere kartlegginger
          </NextLink>
        </Paragraph>
      </div>
    );
  }
  const [rounds, options] = await Promise.all([listRounds(), formOptions()]);
  const today = todayInNorway();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Kartleggingsrunder
      </Heading>
      <Paragraph>
        I en kartleggingsrunde går hver kommune gjennom sine samarbeidsordninger og bekrefter oversikten eller sender endringsforslag. Når runden lukkes, lagres et øyeblikksbilde som kan{" "}
        <NextLink href="/statistikk/sammenligning" className="ds-link">
          sammenlignes
        </NextLink>{" "}
        med Rapport 2021, andre runder og registeret i dag.
      </Paragraph>
      {rounds.length === 0 ? (
        <Paragraph>Ingen runder er åpnet ennå.</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table data-testid="runder">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Runde</TableHeaderCell>
                <TableHeaderCell>Frist</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Fremdrift</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rounds.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <NextLink href={`/kartlegging/${r.id}`} className="ds-link">
                      {r.name}
                    </NextLink>
                  </TableCell>
                  <TableCell>{formatDeadline(r.deadline)}</TableCell>
                  <TableCell>
                    {r.closedAt ? <Tag data-color="neutral">Lukket {formatTimestamp(r.closedAt)}</Tag> : <Tag data-color="info">Åpen</Tag>}
                    {r.overdue ? (
                      <>
                        {" "}
                        <Tag data-color="danger">{r.overdue} forsinket</Tag>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {ROUND_STATES.filter((s) => r.counts[s] > 0)
                      .map((s) => `${ROUND_STATE_LABELS[s]}: ${r.counts[s]}`)
                      .join(" · ")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <section aria-labelledby="ny-runde" className="stack narrow">
        <Heading level={2} data-size="md" id="ny-runde">
          Åpne en ny runde
        </Heading>
        <OpenRoundForm
          action={openSurveyRoundAction}
          municipalities={options.municipalities.map((m) => ({ id: m.id, name: m.name }))}
          preselected={options.municipalities.filter((m) => m.inSurveyScope).map((m) => m.id)}
          defaultName={`Kartlegging ${currentYearInNorway() + 1}`}
          defaultDeadline={inDays(today, 42)}
        />
      </section>
    </div>
  );
}
