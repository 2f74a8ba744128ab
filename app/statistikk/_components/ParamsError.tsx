import NextLink from "next/link";
import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";

export function ParamsError({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <Alert data-color="danger" data-testid="ugyldig-filter">
      <Heading level={2} data-size="xs">
        Statistikken kan ikke vises for dette utvalget
      </Heading>
      <Paragraph>{message}</Paragraph>
      <Paragraph>
        <NextLink href={resetHref} className="ds-link">
          Vis statistikken per i dag for de 25 kartlagte kommunene
        </NextLink>
      </Paragraph>
    </Alert>
  );
}
