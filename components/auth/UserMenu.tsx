"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { SessionProvider, useSession } from "next-auth/react";
import { useEffect, useState } from "react";

interface Badge {
  count: number;
  unread: number;
}

/** The counts for the header (GET /api/varsler), refreshed on every navigation. */
function useBadge(enabled: boolean): Badge | null {
  const pathname = usePathname();
  const [badge, setBadge] = useState<Badge | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetch("/api/varsler", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<Badge>) : null))
      .then((b) => {
        if (live) setBadge(b);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [enabled, pathname]);
  return badge;
}

function Count({ value, label }: { value: number | undefined; label: string }) {
  if (!value) return null;
  return (
    <span className="badge-count" data-testid="antall">
      {value}
      <span className="visually-hidden"> {label}</span>
    </span>
  );
}

/** The header's «Logg inn» comes back to the page it was clicked on (not from the front page or the login pages). */
function loginHref(pathname: string | null): string {
  if (!pathname || pathname === "/" || /^\/(logg-inn|logg-ut)(\/|$)/.test(pathname)) return "/logg-inn";
  return `/logg-inn?callbackUrl=${encodeURIComponent(pathname)}`;
}

/** The header's account links. Client-side (from /api/auth/session) so public pages stay static. */
function Links() {
  const { data, status } = useSession();
  const badge = useBadge(status === "authenticated");
  const pathname = usePathname();
  if (status !== "authenticated" || !data.user) {
    return (
      <li>
        <NextLink href={loginHref(pathname)} className="ds-link">
          Logg inn
        </NextLink>
      </li>
    );
  }
  const role = data.user.role;
  return (
    <>
      {role === "KOMMUNE" ? (
        <li>
          <NextLink href="/mine-forslag" className="ds-link">
            Mine forslag
            <Count value={badge?.count} label="uleste" />
          </NextLink>
        </li>
      ) : (
        <>
          <li>
            <NextLink href="/endringsforslag" className="ds-link">
              Endringsforslag
              <Count value={badge?.count} label="venter" />
            </NextLink>
          </li>
          <li>
            <NextLink href="/kvalitet" className="ds-link">
              Datakvalitet
            </NextLink>
          </li>
        </>
      )}
      <li>
        <NextLink href="/varsler" className="ds-link">
          Varsler
          <Count value={badge?.unread} label="uleste" />
        </NextLink>
      </li>
      <li>
        <NextLink href="/kartlegging" className="ds-link">
          Kartlegging
        </NextLink>
      </li>
      {role === "ADMIN" ? (
        <li>
          <NextLink href="/admin" className="ds-link">
            Brukere
          </NextLink>
        </li>
      ) : null}
      <li>
        <NextLink href="/konto" className="ds-link">
          Min konto
        </NextLink>
      </li>
      <li>
        <NextLink href="/logg-ut" className="ds-link" data-testid="bruker-meny">
          Logg ut ({data.user.name})
        </NextLink>
      </li>
    </>
  );
}

export function UserMenu() {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <Links />
    </SessionProvider>
  );
}
