import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";

export function NoAccess({ reason }: { reason: string }) {
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Ingen tilgang
      </Heading>
      <Alert data-color="warning" data-testid="ingen-tilgang">
        <Paragraph>{reason}</Paragraph>
      </Alert>
    </div>
  );
}
