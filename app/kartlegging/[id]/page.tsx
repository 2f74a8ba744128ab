import { Alert, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatTimestamp, RoundStateTag } from "@/components/rounds/RoundBits";
import { CloseForm, CopyText, RemindForm } from "@/components/rounds/RoundForms";
import "@/components/registry/registry.css";
import "@/components/rounds/rounds.css";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { publicUrl } from "@/lib/config/public-url";
import { ownMunicipalityInRound, roundBoard } from "@/lib/rounds/queries";
import { formatDeadline, reminderText } from "@/lib/rounds/reminder";
import { isConfirmed, ROUND_STATE_LABELS, ROUND_STATES } from "@/lib/rounds/state";
import { closeSurveyRoundAction, remindSurveyRoundAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Kartleggingsrunde" };

type Props = { params: Promise<{ id: string }> };

/** The advisers' progress board of one round; an editor is sent to their municipality's task. */
export default async function RoundBoardPage({ params }: Props) {
  const { id } = await params;
  const roundId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const actor = await requireActor(`/kartlegging/${id}`);
  if (!Number.isInteger(roundId)) notFound();
  if (!authorize(actor, "surveyRound.manage").allowed) {
    const own = await ownMunicipalityInRound(roundId, actor.municipalityIds);
    if (own) redirect(`/kartlegging/${roundId}/${own}`);
    return denyAccess("Du har ikke tilgang til fremdriftstavlen. Den er for Statsforvalteren.");
  }
  const board = await roundBoard(roundId);
  if (!board) notFound();
  const { round, rows } = board;
  const open = round.closedAt === null;
  const notDone = rows.filter((r) => !isConfirmed(r.state));
  const copy = reminderText({ roundName: round.name, deadline: round.deadline, message: round.message, link: publicUrl("/kartlegging") });
  return (
    <div className="stack">
      <Paragraph>
        <NextLink href="/kartlegging" className="ds-link">
          Alle kartleggingsrunder
        </NextLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {round.name}
      </Heading>
      <dl className="registry-facts round-facts">
        <dt>Frist</dt>
        <dd>{formatDeadline(round.deadline)}</dd>
        <dt>Åpnet</dt>
        <dd>
          {formatTimestamp(round.openedAt)} av {round.openedBy}
        </dd>
        <dt>Status</dt>
        <dd>
          {round.closedAt ? (
            <>
              Lukket {formatTimestamp(round.closedAt)} av {round.closedBy}
              {round.snapshot ? (
                <>
                  {" – "}
                  <NextLink href={`/statistikk/sammenligning?fra=rapport-2021&til=${round.snapshot.slug}`} className="ds-link">
                    sammenlign «{round.snapshot.name}» med Rapport 2021
                  </NextLink>
                </>
              ) : null}
            </>
          ) : (
            "Åpen"
          )}
        </dd>
        {round.message ? (
          <>
            <dt>Melding</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{round.message}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="fremdrift" className="stack">
        <Heading level={2} data-size="md" id="fremdrift">
          Fremdrift
        </Heading>
        <ul className="round-counts" data-testid="opptelling">
          {ROUND_STATES.map((s) => (
            <li key={s}>
              {ROUND_STATE_LABELS[s]}: <strong>{round.counts[s]}</strong>
            </li>
          ))}
          {round.overdue ? (
            <li>
              Fristen passert: <strong>{round.overdue}</strong>
            </li>
          ) : null}
        </ul>
        <div className="table-scroll">
          <Table data-testid="fremdriftstavle">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Kommune</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Startet</TableHeaderCell>
                <TableHeaderCell>Bekreftet</TableHeaderCell>
                <TableHeaderCell>Forslag som venter</TableHeaderCell>
                <TableHeaderCell>Påminnet</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.municipalityId} data-testid={`kommune-${r.slug}`}>
                  <TableCell>
                    <NextLink href={`/kartlegging/${round.id}/${r.slug}`} className="ds-link">
                      {r.name}
                    </NextLink>
                  </TableCell>
                  <TableCell>
                    <RoundStateTag state={r.state} overdue={r.overdue} />
                  </TableCell>
                  <TableCell>{r.startedAt ? `${formatTimestamp(r.startedAt)}${r.proposals ? ` (${r.proposals} forslag)` : ""}` : "–"}</TableCell>
                  <TableCell>{r.confirmedAt ? `${formatTimestamp(r.confirmedAt)} av ${r.confirmedBy}` : "–"}</TableCell>
                  <TableCell>
                    {r.pending ? (
                      <NextLink href="/endringsforslag" className="ds-link">
                        {r.pending}
                      </NextLink>
                    ) : (
                      "0"
                    )}
                  </TableCell>
                  <TableCell>{r.remindedAt ? formatTimestamp(r.remindedAt) : r.editors === 0 ? "Ingen redaktør" : "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      {open && notDone.length ? (
        <section aria-labelledby="paminnelse" className="stack narrow">
          <Heading level={2} data-size="md" id="paminnelse">
            Påminnelse
          </Heading>
          <Paragraph>
            {notDone.length} kommuner har ikke bekreftet: {notDone.map((r) => r.name).join(", ")}. Redaktørene deres får e-post; for kommuner uten redaktør i registeret kan du kopiere teksten.
          </Paragraph>
          <RemindForm action={remindSurveyRoundAction} roundId={round.id} count={notDone.length} />
          <CopyText id="paminnelsestekst" label="Tekst til å kopiere" text={copy} />
        </section>
      ) : null}

      {open ? (
        <section aria-labelledby="lukk" className="stack">
          <Heading level={2} data-size="md" id="lukk">
            Lukk runden
          </Heading>
          {board.pending ? (
            <Alert data-color="warning">
              <Paragraph>
                {board.pending} endringsforslag fra kommunene i runden venter.{" "}
                <NextLink href="/endringsforslag" className="ds-link">
                  Behandle dem
                </NextLink>{" "}
                før runden lukkes.
              </Paragraph>
            </Alert>
          ) : null}
          <CloseForm action={closeSurveyRoundAction} roundId={round.id} defaultName={round.name} />
        </section>
      ) : null}
    </div>
  );
}
