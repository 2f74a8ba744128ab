import { Suspense, type ReactNode } from "react";
import { STAT_PAGES } from "@/lib/stats/pages";
import { StatsNav, type StatsNavItem } from "./_components/StatsNav";
import "./statistikk.css";

const NAV_ITEMS: StatsNavItem[] = [
  { href: "/statistikk", title: "Oversikt" },
  ...STAT_PAGES.map((p) => ({ href: `/statistikk/${p.slug}`, title: p.title, reportRef: p.reportRef })),
  { href: "/statistikk/sammenligning", title: "Sammenlign kartlegginger" },
];

/** Every statistics page starts with the sub-navigation to the overview, the ten report pages and the comparison. */
export default function StatisticsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <StatsNav items={NAV_ITEMS} />
      </Suspense>
      {children}
    </>
  );
}
