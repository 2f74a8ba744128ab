import type { ReactNode } from "react";
import "./statistikk.css";

export default function StatisticsLayout({ children }: { children: ReactNode }) {
  return children;
}
