import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { OutcomeStatus } from "@/components/editing/OutcomeStatus";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { appliedChange, resolveArrangementId } from "@/lib/changes/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Endringen er lagret" };

/** The receipt after a direct save (adviser): the outcome first (focused), then what changed. */
export default async function ChangeSavedPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ hendelse?: string }> }) {
  const [{ id }, { hendelse }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/ordninger/${id}/lagret${hendelse ? `?hendelse=${encodeURIComponent(hendelse)}` : ""}`);
  const access = authorize(actor, "audit.viewFull");
  if (!access.allowed) return denyAccess(access.reason);
  const arrangementId = await resolveArrangementId(id);
  const change = arrangementId && hendelse && /^\d{1,9}$/.test(hendelse) ? await appliedChange(Number(hendelse), arrangementId) : null;
  if (!change) notFound();

  return (
    <div className="stack">
      <OutcomeStatus>
        <Heading level={1} data-size="md">
          Endringen er lagret
        </Heading>
        <Paragraph>
          {change.summary}. Den er publisert og synlig for alle (versjon {change.version}).
        </Paragraph>
        <Paragraph>
          <NextLink href={`/ordninger/${change.slug}`} className="ds-link">
            Se ordningen
          </NextLink>
          {" · "}
          <NextLink href={`/ordninger/${change.slug}/rediger`} className="ds-link">
            Gjør flere endringer
          </NextLink>
          {" · "}
          <NextLink href={`/ordninger/${change.slug}/historikk`} className="ds-link">
            Endringshistorikk
          </NextLink>
        </Paragraph>
      </OutcomeStatus>
      <div className="table-scroll">
        <Table data-testid="lagret-innhold">
          <caption>Dette ble endret</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Felt</TableHeaderCell>
              <TableHeaderCell>Før</TableHeaderCell>
              <TableHeaderCell>Nå</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {change.changes.map((c) => (
              <TableRow key={c.field}>
                <TableCell>{c.label}</TableCell>
                <TableCell>{c.before ?? "ingen verdi"}</TableCell>
                <TableCell>{c.after ?? "ingen verdi"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
