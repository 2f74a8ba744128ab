"use client";

import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Noe gikk galt
      </Heading>
      <Paragraph>Vi klarte ikke å vise siden akkurat nå. Feilen er logget. Prøv igjen om litt, eller kontakt Statsforvalteren hvis problemet vedvarer.</Paragraph>
      <Button onClick={() => reset()}>Prøv igjen</Button>
    </div>
  );
}
