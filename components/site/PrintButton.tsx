"use client";

import { Button } from "@digdir/designsystemet-react";

/** Opens the browser's print dialog; the print stylesheet hides it on paper. */
export function PrintButton({ children = "Skriv ut" }: { children?: React.ReactNode }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} data-print="hide">
      {children}
    </Button>
  );
}
