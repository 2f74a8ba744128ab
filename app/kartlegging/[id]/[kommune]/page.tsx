import { Alert, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { formatTimestamp, RoundStateTag } from "@/components/rounds/RoundBits";
import { ConfirmForm } from "@/components/rounds/RoundForms";
import "@/components/registry/registry.css";
import "@/components/rounds/rounds.css";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { decodePathSegment } from "@/lib/http/path-segment";
import { municipalityIdBySlug, municipalityTask } from "@/lib/rounds/queries";
import { formatDeadline } from "@/lib/rounds/reminder";
import { isConfirmed } from "@/lib/rounds/state";
import { confirmSurveyOverviewAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Kartlegging for kommunen" };

type Props = { params: Promise<{ id: string; kommune: string }> };

/** One municipality's task in a round: go through the list, send change requests, confirm. */
export default async function MunicipalityTaskPage({ params }: Props) {
  const { id, kommune } = await params;
  const actor = await requireActor(`/kartlegging/${id}/${kommune}`);
  const roundId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const municipalityId = await municipalityIdBySlug(decodePathSegment(kommune));
  if (!Number.isInteger(roundId) || municipalityId === null) notFound();
  const adviser = authorize(actor, "surveyRound.manage").allowed;
  const confirms = authorize(actor, "surveyRound.confirm", { municipalityId });
  if (!adviser && !confirms.allowed) return denyAccess("Du kan bare se kartleggingen for din egen kommune.");
  const task = await municipalityTask(roundId, municipalityId);
  if (!task) notFound();
  const { round, municipality, progress } = task;
  const open = round.closedAt === null;
  const confirmed = isConfirmed(progress.state);
  const active = task.arrangements.filter((a) => !a.ended);
  return (
    <div className="stack">
      <Paragraph>
        <NextLink href={adviser ? `/kartlegging/${round.id}` : "/kartlegging"} className="ds-link">
          {adviser ? `Fremdriften i ${round.name}` : "Kartlegging"}
        </NextLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {round.name}: {municipality.name}
      </Heading>
      <dl className="registry-facts round-facts">
        <dt>Frist</dt>
        <dd>{formatDeadline(round.deadline)}</dd>
        <dt>Status</dt>
        <dd>
          <RoundStateTag state={progress.state} overdue={task.overdue} />
        </dd>
        {progress.confirmedAt ? (
          <>
            <dt>Bekreftet</dt>
            <dd>
              {formatTimestamp(progress.confirmedAt)} av {progress.confirmedBy}
            </dd>
          </>
        ) : null}
        {round.message ? (
          <>
            <dt>Melding fra Statsforvalteren</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{round.message}</dd>
          </>
        ) : null}
      </dl>
      {!open ? (
        <Alert data-color="info">
          <Paragraph>Runden er lukket. Oversikten under viser ordningene slik de er i dag.</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="slik" className="stack">
        <Heading level={2} data-size="md" id="slik">
          Slik gjør dere det
        </Heading>
        <ol className="stack">
          <li>Gå gjennom listen. Er noe feil, åpner dere ordningen og sender et endringsforslag (deltakere, vertskommune, tilknytningsform, årsverk).</li>
          <li>Er en ordning lagt ned, marker den som avsluttet på samme side.</li>
          <li>
            Mangler en ordning,{" "}
            <NextLink href="/ordninger/ny" className="ds-link">
              foreslå en ny ordning
            </NextLink>
            .
          </li>
          <li>Når listen stemmer, trykk «Bekreft oversikten». Statsforvalteren behandler forslagene.</li>
        </ol>
      </section>

      <section aria-labelledby="ordningene" className="stack">
        <Heading level={2} data-size="md" id="ordningene">
          Ordningene til {municipality.name} ({active.length})
        </Heading>
        <div className="table-scroll">
          <Table data-testid="rundeordninger">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Ordning</TableHeaderCell>
                <TableHeaderCell>Sist bekreftet</TableHeaderCell>
                <TableHeaderCell>Endre</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {task.arrangements.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <NextLink href={`/ordninger/${a.slug}`} className="ds-link">
                      {a.name}
                    </NextLink>
                    {a.ended ? (
                      <>
                        {" "}
                        <Tag data-color="neutral">Avsluttet</Tag>
                      </>
                    ) : null}
                    {a.pending ? (
                      <>
                        {" "}
                        <Tag data-color="warning">{a.pending === 1 ? "1 forslag venter" : `${a.pending} forslag venter`}</Tag>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{a.lastConfirmation ? `${formatTimestamp(a.lastConfirmation.at)} av ${a.lastConfirmation.municipalityName}` : "Aldri"}</TableCell>
                  <TableCell>
                    {a.ended ? (
                      "–"
                    ) : (
                      <NextLink href={`/ordninger/${a.slug}/rediger`} className="ds-link" aria-label={`Foreslå endring i ${a.name}`}>
                        Foreslå endring
                      </NextLink>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      {open && confirms.allowed ? (
        <section aria-labelledby="bekreft" className="stack narrow">
          <Heading level={2} data-size="md" id="bekreft">
            Bekreft oversikten
          </Heading>
          <Paragraph>
            {confirmed
              ? "Oversikten er bekreftet. Sender dere flere forslag, må dere bekrefte på nytt."
              : progress.proposals
                ? `Dere har sendt ${progress.proposals} endringsforslag i runden. Bekreft når resten av listen stemmer.`
                : "Stemmer listen? Da bekrefter dere den uten endringer."}
          </Paragraph>
          <ConfirmForm
            action={confirmSurveyOverviewAction}
            roundId={round.id}
            municipalityId={municipality.id}
            label={progress.proposals ? "Bekreft oversikten med endringene" : "Bekreft oversikten"}
            done={confirmed}
          />
        </section>
      ) : null}
    </div>
  );
}
