import { Paragraph } from "@digdir/designsystemet-react";

const date = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" });

const KIND_LABELS: Record<string, string> = {
  JUSTIFICATION: "Begrunnelse",
  COMMENT: "Kommentar",
  RETURNED: "Sendt tilbake",
  RESUBMITTED: "Endret og sendt på nytt",
  APPROVED: "Godkjent",
  REJECTED: "Avvist",
};

const ROLE_LABELS: Record<string, string> = { STATSFORVALTER: "Statsforvalteren", ADMIN: "Statsforvalteren", KOMMUNE: "kommunen" };

export interface ThreadEntry {
  id: number;
  kind: string;
  body: string;
  createdAt: Date;
  author: { name: string; role: string };
}

/** A change request's dialogue, oldest first: who (and for whom), when, what. Never public. */
export function ChangeThread({ entries }: { entries: ThreadEntry[] }) {
  if (entries.length === 0) return <Paragraph>Ingen kommentarer ennå.</Paragraph>;
  return (
    <ol className="thread" data-testid="samtale">
      {entries.map((e) => (
        <li key={e.id} className="thread__entry">
          <Paragraph data-size="sm" className="thread__meta">
            <strong>{e.author.name}</strong> ({ROLE_LABELS[e.author.role] ?? e.author.role}) · {KIND_LABELS[e.kind] ?? e.kind} ·{" "}
            <time dateTime={e.createdAt.toISOString()}>{date.format(e.createdAt)}</time>
          </Paragraph>
          <Paragraph className="thread__body">{e.body}</Paragraph>
        </li>
      ))}
    </ol>
  );
}
