import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { formatDateTime } from "@/lib/format";
import { listOutbox } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Utboks for e-post" };

const STATUS = {
  PENDING: { label: "Venter", color: "warning" },
  SENT: { label: "Sendt", color: "success" },
  LOGGED: { label: "Logget (ingen SMTP)", color: "info" },
  FAILED: { label: "Feilet", color: "danger" },
} as const;

export default async function OutboxPage() {
  const actor = await requireActor("/admin/utboks");
  const decision = authorize(actor, "outbox.read");
  if (!decision.allowed) return denyAccess(decision.reason);
  const { items, counts } = await listOutbox();
  const smtp = Boolean(process.env.SMTP_URL?.trim());
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Utboks for e-post
      </Heading>
      <Paragraph>
        {smtp
          ? "E-post sendes via SMTP-serveren som er satt opp. Feilede forsøk prøves på nytt automatisk."
          : "Ingen SMTP-server er satt opp (SMTP_URL), så e-post sendes ikke. Alt som ville blitt sendt, står her og i loggen."}
      </Paragraph>
      <Paragraph data-testid="utboks-antall">
        {counts.PENDING} venter · {counts.SENT} sendt · {counts.LOGGED} logget · {counts.FAILED} feilet
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>Utboksen er tom.</Paragraph>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="E-post i utboksen">
          <Table data-testid="utboks">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Opprettet</TableHeaderCell>
                <TableHeaderCell>Til</TableHeaderCell>
                <TableHeaderCell>Emne og tekst</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((mail) => (
                <TableRow key={mail.id}>
                  <TableCell>{formatDateTime(mail.createdAt)}</TableCell>
                  <TableCell>{mail.toAddress}</TableCell>
                  <TableCell>
                    <details>
                      <summary>{mail.subject}</summary>
                      <pre className="mail-body">{mail.body}</pre>
                    </details>
                  </TableCell>
                  <TableCell>
                    <Tag data-color={STATUS[mail.status].color}>{STATUS[mail.status].label}</Tag>
                    {mail.status === "PENDING" && mail.attempts > 0 ? (
                      <div>
                        Forsøk {mail.attempts}, neste {formatDateTime(mail.sendAfter)}
                      </div>
                    ) : null}
                    {mail.lastError ? <div>Feil: {mail.lastError}</div> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
