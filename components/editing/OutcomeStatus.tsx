"use client";

import { Alert } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";

/** The outcome of a send or save, first on the page: announced (role=status), scrolled into view and focused. */
export function OutcomeStatus({ color = "success", children }: { color?: "success" | "info" | "warning"; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus();
  }, []);
  return (
    <Alert ref={ref} data-color={color} role="status" tabIndex={-1} data-testid="utfall-kvittering" className="outcome-status">
      {children}
    </Alert>
  );
}
