import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { requestLog } from "@/lib/log";
import { currentActor } from "./actor.ts";
import type { Actor } from "./authorize.ts";

/** The login page's address that comes back to `returnTo` afterwards. */
export function loginPath(returnTo: string): string {
  return `/logg-inn?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** For pages that need a login: the actor, or a redirect to the login page that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(loginPath(returnTo));
  return actor;
}

/** Where a logged-in user starts when no page sent them to the login: their own work list. */
export function landingPath(role: string | undefined): string {
  return role === "KOMMUNE" ? "/mine-forslag" : "/endringsforslag";
}

/** Pages that make no sense to come back to after logging in (they would loop or log out again). */
const NO_RETURN = /^\/(logg-inn|logg-ut|api)(\/|\?|$)/;

/**
 * Only paths on this site are followed after login (no open redirect): a relative path, or an absolute
 * URL on NEXTAUTH_URL's origin, reduced to path and query. Anything else — another origin,
 * protocol-relative `//host`, `/\host`, other schemes, the login and logout pages — gives `fallback`.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  let path = value;
  try {
    const url = new URL(value, "http://lokal");
    if (url.origin !== "http://lokal") {
      const own = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
      if (url.origin !== own) return fallback;
    }
    path = `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
  if (!path.startsWith("/") || path.startsWith("//") || NO_RETURN.test(path)) return fallback;
  return path;
}

/**
 * «Ingen tilgang» with status 403: throws Next's forbidden(), which renders app/forbidden.tsx instead
 * of the page (a page's own return value would be a 200). The page's own reason goes to the log; it
 * does not survive Next's separate render of the forbidden page, which instead tells the section's rule
 * from the requested path (lib/auth/forbidden-reason.ts, passed on by proxy.ts).
 */
export async function denyAccess(reason: string): Promise<never> {
  requestLog(await headers()).info({ reason }, "Ingen tilgang");
  forbidden();
}
