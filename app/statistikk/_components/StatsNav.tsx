import NextLink from "next/link";
import { STAT_PAGES } from "@/lib/stats/pages";
import { withParams } from "./params";

/** Links to every statistics page, keeping the chosen date and region. */
export function StatsNav({ current, params }: { current: string | null; params: URLSearchParams }) {
  return (
    <nav aria-label="Statistikksider" className="stats-nav">
      <ul>
        <li>
          <NextLink href={withParams("/statistikk", params)} className="ds-link" aria-current={current === null ? "page" : undefined}>
            Oversikt
          </NextLink>
        </li>
        {STAT_PAGES.map((p) => (
          <li key={p.slug}>
            <NextLink href={withParams(`/statistikk/${p.slug}`, params)} className="ds-link" aria-current={current === p.slug ? "page" : undefined}>
              {p.title}
            </NextLink>{" "}
            <span className="stats-nav__ref">({p.reportRef})</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
