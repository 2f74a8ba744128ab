"use client";

import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { FormState } from "@/lib/changes/form";

/**
 * The one-time link of an invitation or password link, shown to the admin only when the
 * installation sends no e-mail (no SMTP_URL): the admin passes it on. It is never shown again.
 */
export function AccountLinkNotice({ state }: { state: FormState }) {
  const [copied, setCopied] = useState(false);
  if (!state.ok || !state.accountLink) return null;
  const link = state.accountLink;
  return (
    <div className="stack" data-testid="kontolenke">
      <Textfield label="Lenke til personen (vises bare nå)" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <div>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          Kopier lenken
        </Button>
      </div>
      {copied ? (
        <Paragraph data-size="sm" role="status">
          Lenken er kopiert.
        </Paragraph>
      ) : null}
    </div>
  );
}
