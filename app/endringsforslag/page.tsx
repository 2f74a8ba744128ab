import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { StatusTag } from "@/components/editing/StatusTag";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { recentlyDecided, reviewQueue } from "@/lib/changes/queries";
import { formatDateTime, withNorwegianDates } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Endringsforslag" };

export default async function ReviewQueuePage() {
  const actor = await requireActor("/endringsforslag");
  const decision = authorize(actor, "changeRequest.review");
  if (!decision.allowed) return denyAccess(decision.reason);
  const [queue, decided] = await Promise.all([reviewQueue(), recentlyDecided()]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Endringsforslag
      </Heading>
      <Paragraph>
        Forslag fra kommunene som venter på behandling, eldste først.{" "}
        <NextLink href="/ordninger/ny" className="ds-link">
          Registrer en ny ordning
        </NextLink>
      </Paragraph>
      {queue.length === 0 ? (
        <Paragraph data-testid="tom-ko">Ingen forslag venter på behandling.</Paragraph>
      ) : (
        <Table data-testid="forslagsko" className="stack-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Forslag</TableHeaderCell>
              <TableHeaderCell>Kommune</TableHeaderCell>
              <TableHeaderCell>Foreslått av</TableHeaderCell>
              <TableHeaderCell>Sendt</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queue.map((r) => (
              <TableRow key={r.id}>
                <TableCell data-label="Forslag">
                  <NextLink href={`/endringsforslag/${r.id}`} className="ds-link">
                    {withNorwegianDates(r.summary)}
                  </NextLink>
                </TableCell>
                <TableCell data-label="Kommune">{r.municipality?.name ?? "–"}</TableCell>
                <TableCell data-label="Foreslått av">{r.proposer.name}</TableCell>
                <TableCell data-label="Sendt">{formatDateTime(r.createdAt)}</TableCell>
                <TableCell data-label="Status">
                  <StatusTag status={r.shown} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading level={2} data-size="md">
        Nylig behandlet
      </Heading>
      {decided.length === 0 ? (
        <Paragraph>Ingen forslag er behandlet ennå.</Paragraph>
      ) : (
        <Table className="stack-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Forslag</TableHeaderCell>
              <TableHeaderCell>Kommune</TableHeaderCell>
              <TableHeaderCell>Behandlet</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {decided.map((r) => (
              <TableRow key={r.id}>
                <TableCell data-label="Forslag">
                  <NextLink href={`/endringsforslag/${r.id}`} className="ds-link">
                    {withNorwegianDates(r.summary)}
                  </NextLink>
                </TableCell>
                <TableCell data-label="Kommune">{r.municipality?.name ?? "–"}</TableCell>
                <TableCell data-label="Behandlet">{r.decidedAt ? formatDateTime(r.decidedAt) : "–"}</TableCell>
                <TableCell data-label="Status">
                  <StatusTag status={r.shown} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
