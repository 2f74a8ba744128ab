"use client";

import NextLink from "next/link";
import { SessionProvider, useSession } from "next-auth/react";
import { usePathname } from "next/navigation";

/** The header's «Logg inn» comes back to the page it was clicked on (not from the front page or the login pages). */
function loginHref(pathname: string | null): string {
  if (!pathname || pathname === "/" || /^\/(logg-inn|logg-ut)(\/|$)/.test(pathname)) return "/logg-inn";
  return `/logg-inn?callbackUrl=${encodeURIComponent(pathname)}`;
}

/** The header's account links. Client-side (from /api/auth/session) so public pages stay static. */
function Links() {
  const { data, status } = useSession();
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
          </NextLink>
        </li>
      ) : (
        <li>
          <NextLink href="/endringsforslag" className="ds-link">
            Endringsforslag
          </NextLink>
        </li>
      )}
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
