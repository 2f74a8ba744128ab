"use client";

import { Alert, Button, Checkbox, Field, FieldDescription, Heading, Label, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { useRef, useState, useTransition } from "react";
import type { RowPreview } from "@/lib/import/plan";
import { type ImportState, STATUS_LABELS, summaryText } from "@/lib/import/state";

type Action = (previous: ImportState, formData: FormData) => Promise<ImportState>;

const TAG_COLOR = { new: "success", changed: "info", unchanged: "neutral", error: "danger" } as const;

function RowChanges({ row }: { row: RowPreview }) {
  if (row.errors.length) {
    return (
      <ul className="import-list">
        {row.errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    );
  }
  if (!row.diff.length && !row.notes.length) return <>Ingen endringer</>;
  return (
    <ul className="import-list">
      {row.diff.map((d) => (
        <li key={d.field}>
          <strong>{d.label}:</strong> {d.before === null ? "" : <del>{d.before}</del>}
          {d.before === null ? "" : " → "}
          <ins>{d.after ?? "(tom)"}</ins>
        </li>
      ))}
      {row.notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/**
 * Upload → preview → confirm. The chosen file is kept in the browser and sent again on confirm
 * with the preview's checksums; the server reads and checks it again (lib/import/mutation.ts).
 */
export function ImportForm({ action, municipalityId, mode }: { action: Action; municipalityId: number; mode: "apply" | "propose" }) {
  const [state, setState] = useState<ImportState>({});
  const [file, setFile] = useState<File | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const preview = state.preview;

  function send(intent: "forhandsvis" | "bekreft", chosen: File) {
    const form = new FormData();
    form.set("intent", intent);
    form.set("municipalityId", String(municipalityId));
    form.set("fil", chosen);
    if (intent === "bekreft" && preview) {
      form.set("fileSha256", preview.fileSha256);
      form.set("planHash", preview.planHash);
      for (const row of excluded) form.append("excludedRowIds", String(row));
    }
    startTransition(async () => {
      const next = await action({}, form);
      setState(next);
      if (intent === "forhandsvis" && next.preview) setExcluded(new Set());
      if (intent === "bekreft" && next.ok) {
        setFile(null);
        if (input.current) input.current.value = "";
      }
    });
  }

  const included = preview ? preview.rows.filter((r) => r.status !== "unchanged" && !excluded.has(r.rowNumber)) : [];
  const blocking = included.filter((r) => r.status === "error").length;
  const sending = included.length - blocking;
  const toggle = (row: number, on: boolean) =>
    setExcluded((old) => {
      const next = new Set(old);
      if (on) next.delete(row);
      else next.add(row);
      return next;
    });

  return (
    <div className="stack">
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = input.current?.files?.[0] ?? null;
          setFile(chosen);
          if (!chosen) {
            setState({ ok: false, message: "Velg en fil (Excel eller CSV) før du forhåndsviser." });
            return;
          }
          send("forhandsvis", chosen);
        }}
      >
        <Field>
          <Label>Kartleggingsfil (Excel eller CSV)</Label>
          <FieldDescription>Filen du lastet ned fra registeret, med endringene dine. Excel (.xlsx) eller CSV med semikolon, høyst 2 MB.</FieldDescription>
          <input ref={input} type="file" name="fil" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="ds-input import-file" />
        </Field>
        <div>
          <Button type="submit" variant="secondary" loading={pending} aria-disabled={pending}>
            Forhåndsvis
          </Button>
        </div>
      </form>

      {state.message ? (
        <Alert data-color={state.ok ? "success" : state.kind === "conflict" ? "warning" : "danger"} role={state.ok ? "status" : "alert"} data-testid="import-melding">
          <Paragraph>{state.message}</Paragraph>
          {state.ok && state.links?.length ? (
            <ul className="import-list" data-testid="import-lenker">
              {state.links.map((l) => (
                <li key={l.href}>
                  <NextLink href={l.href} className="ds-link">
                    {l.label}
                  </NextLink>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}

      {preview && !(state.ok && state.outcome) ? (
        <section aria-labelledby="forhandsvisning" className="stack">
          <Heading level={2} data-size="md" id="forhandsvisning">
            Forhåndsvisning{state.fileName ? ` av ${state.fileName}` : ""}
          </Heading>
          <Paragraph role="status" data-testid="import-oppsummering">
            {summaryText(preview.counts)}
          </Paragraph>
          {preview.unknownMunicipalities.length ? (
            <Alert data-color="warning" data-testid="ukjente-kommuner">
              <Heading level={3} data-size="xs">
                Ukjente kommunenavn
              </Heading>
              <ul className="import-list">
                {preview.unknownMunicipalities.map((u) => (
                  <li key={u.name}>
                    «{u.name}» (rad {u.rows.join(", ")}){u.suggestions.length ? ` – mente du ${u.suggestions.map((s) => `«${s}»`).join(" eller ")}?` : " – ingen lignende navn i registeret."}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Forhåndsvisning av importen, rad for rad">
            <Table data-testid="import-tabell" className="import-table">
              <caption className="visually-hidden">Rad for rad: status og endringer</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Ta med</TableHeaderCell>
                  <TableHeaderCell>Rad</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Ordning</TableHeaderCell>
                  <TableHeaderCell>Endringer og feil</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((row) => (
                  <TableRow key={row.rowNumber} data-status={row.status}>
                    <TableCell>
                      {row.status === "unchanged" ? null : (
                        <Checkbox aria-label={`Ta med rad ${row.rowNumber}`} checked={!excluded.has(row.rowNumber)} onChange={(e) => toggle(row.rowNumber, e.currentTarget.checked)} data-size="sm" />
                      )}
                    </TableCell>
                    <TableCell>{row.rowNumber}</TableCell>
                    <TableCell>
                      <Tag data-color={TAG_COLOR[row.status]}>{STATUS_LABELS[row.status]}</Tag>
                    </TableCell>
                    <TableCell>
                      {row.arrangement?.slug ? (
                        <NextLink href={`/ordninger/${row.arrangement.slug}`} className="ds-link">
                          {row.name || row.arrangement.name}
                        </NextLink>
                      ) : (
                        row.name || "(uten navn)"
                      )}
                    </TableCell>
                    <TableCell>
                      <RowChanges row={row} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {blocking ? (
            <Alert data-color="warning">
              <Paragraph>
                {blocking === 1 ? "Én rad" : `${blocking} rader`} med feil er tatt med. En fil med feil endrer ingenting: fjern haken for radene med feil, eller rett filen og forhåndsvis på nytt.
              </Paragraph>
            </Alert>
          ) : null}
          <Paragraph>
            {blocking
              ? "Ingenting blir lagret så lenge rader med feil er tatt med."
              : mode === "propose"
                ? `${sending} ${sending === 1 ? "rad" : "rader"} med endringer blir sendt som endringsforslag til Statsforvalteren.`
                : `${sending} ${sending === 1 ? "rad" : "rader"} med endringer blir lagret direkte i registeret.`}
          </Paragraph>
          <div>
            <Button type="button" disabled={!file || pending || included.length === 0} loading={pending} onClick={() => file && send("bekreft", file)}>
              Bekreft import
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
