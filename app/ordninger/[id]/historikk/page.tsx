import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { RestoreForm } from "@/components/editing/RestoreForm";
import { currentActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { USER_ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { formatDateTime, withNorwegianDates } from "@/lib/format";
import { arrangementHeader, arrangementHistory, resolveArrangementId } from "@/lib/changes/queries";
import { restoreArrangementVersionAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Endringshistorikk" };

/** Public change history: what changed and when. Advisers also see who, and can restore a version. */
export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const arrangementId = await resolveArrangementId(id);
  if (!arrangementId) notFound();
  const arrangement = (await arrangementHeader(arrangementId))!;
  const actor = await currentActor();
  const full = authorize(actor, "audit.viewFull").allowed;
  const history = await arrangementHistory(arrangementId, full);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Endringshistorikk: {arrangement.name}
      </Heading>
      <Paragraph>
        <NextLink href={`/ordninger/${arrangement.slug}`} className="ds-link">
          Tilbake til ordningen
        </NextLink>
      </Paragraph>
      {history.length === 0 ? (
        <Paragraph>Ingen endringer er registrert siden kartleggingen i 2021.</Paragraph>
      ) : (
        <ol className="history" data-testid="historikk">
          {history.map((entry) => (
            <li key={entry.id} className="history__entry">
              <Heading level={2} data-size="xs">
                {formatDateTime(entry.at)}: {withNorwegianDates(entry.summary)}
              </Heading>
              {entry.who ? (
                <Paragraph data-size="sm">
                  Utført av {entry.who.name}
                  {entry.who.role ? ` (${USER_ROLE_LABELS[entry.who.role as Role]})` : ""}
                  {entry.who.proposer ? (
                    <>
                      {" "}
                      etter{" "}
                      <NextLink href={`/endringsforslag/${entry.who.changeRequestId}`} className="ds-link">
                        forslag fra {entry.who.proposer}
                      </NextLink>
                    </>
                  ) : null}
                </Paragraph>
              ) : null}
              {entry.changes.length ? (
                <Table data-size="sm">
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell>Felt</TableHeaderCell>
                      <TableHeaderCell>Før</TableHeaderCell>
                      <TableHeaderCell>Etter</TableHeaderCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {entry.changes.map((c) => (
                      <TableRow key={c.field}>
                        <TableCell>{c.label}</TableCell>
                        <TableCell>{withNorwegianDates(c.before) ?? "–"}</TableCell>
                        <TableCell>{withNorwegianDates(c.after) ?? "–"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : null}
              {full ? (
                <RestoreForm
                  action={restoreArrangementVersionAction}
                  arrangementId={arrangement.id}
                  version={arrangement.version}
                  auditEventId={entry.id}
                  label="Gjenopprett versjonen før denne endringen"
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
