"use client";

import NextLink from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

export interface StatsNavItem {
  href: string;
  title: string;
  /** The part of the report the page recomputes ("Figur 2.2 og 2.3"); none for the overview and the comparison. */
  reportRef?: string;
}

/**
 * The statistics sub-navigation at the top of every statistics page (app/statistikk/layout.tsx):
 * the overview, the ten report pages and the comparison, keeping the chosen date and region.
 * Rendered on the server too (plain links), so it works without JavaScript.
 */
export function StatsNav({ items }: { items: StatsNavItem[] }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const carried = new URLSearchParams();
  for (const key of ["dato", "region"]) {
    const value = searchParams.get(key);
    if (value) carried.set(key, value);
  }
  const query = carried.toString();
  const list = useRef<HTMLUListElement>(null);
  // On a phone the list is one row that scrolls sideways: bring the current page into view.
  useEffect(() => {
    const ul = list.current;
    const current = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (ul && current && ul.scrollWidth > ul.clientWidth) ul.scrollLeft = current.offsetLeft - 16;
  }, [pathname]);
  return (
    <nav aria-label="Statistikksider" className="stats-nav">
      <ul ref={list}>
        {items.map((item) => (
          <li key={item.href}>
            <NextLink
              href={query ? `${item.href}?${query}` : item.href}
              className="stats-nav__link"
              aria-current={pathname === item.href ? "page" : undefined}
              title={item.reportRef ? `NIVI 2021: ${item.reportRef}` : undefined}
            >
              {item.title}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
