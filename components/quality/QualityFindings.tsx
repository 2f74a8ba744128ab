import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { QualityFinding } from "@/lib/quality/rules";
import "./quality.css";

/**
 * The data-quality findings of one arrangement (lib/quality/rules.ts), worded neutrally: they say
 * what the registry lacks or has not had confirmed, not that the cooperation is unlawful.
 */
export function QualityFindings({ findings, editHref }: { findings: QualityFinding[]; editHref?: string }) {
  return (
    <section aria-labelledby="datakvalitet" className="stack" data-testid="kvalitet">
      <Heading level={2} data-size="md" id="datakvalitet">
        Opplysninger som mangler eller bør sjekkes
      </Heading>
      {findings.length === 0 ? (
        <Paragraph>Registeret har ingen merknader til opplysningene om denne ordningen.</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">
            Registeret sjekker opplysningene mot noen faste regler. Merknadene betyr ikke at noe er galt med samarbeidet, bare at registeret mangler opplysninger eller at de bør bekreftes.
            {editHref ? (
              <>
                {" "}
                Kjenner du svaret, kan kommunen{" "}
                <a href={editHref} className="ds-link">
                  foreslå en endring
                </a>
                .
              </>
            ) : null}
          </Paragraph>
          <ul className="quality-list">
            {findings.map((f) => (
              <li key={f.code} data-regel={f.code}>
                <strong>{f.title}.</strong> {f.message} <span className="quality-basis">Grunnlag: {f.legalBasis}.</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A compact count with the titles, for lists (the editor's list, the dashboard's filtered list). */
export function QualityBadge({ findings }: { findings: QualityFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <span className="quality-badge" title={findings.map((f) => f.title).join(", ")}>
      {findings.length === 1 ? "1 merknad" : `${findings.length} merknader`}: {findings.map((f) => f.title.toLowerCase()).join(", ")}
    </span>
  );
}
