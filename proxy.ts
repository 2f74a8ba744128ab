import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { CORS_HEADERS } from "@/lib/api/http";
import { isWellFormedPath } from "@/lib/http/path-segment";

/**
 * Pages that need a login send anonymous visitors to /logg-inn first. This is only a convenience:
 * every page and every mutation checks access itself through lib/auth/authorize.ts.
 */
const requireLogin = withAuth({ pages: { signIn: "/logg-inn" } });
const LOGIN_PATHS = [/^\/admin(\/|$)/, /^\/konto$/, /^\/kvalitet$/, /^\/endringsforslag(\/|$)/, /^\/kartlegging(\/|$)/, /^\/mine-forslag(\/|$)/, /^\/ordninger\/ny$/, /^\/ordninger\/[^/]+\/rediger$/];

/**
 * An address that names a missing arrangement, municipality, region or statistics page is rewritten
 * to an unmatched path, so the visitor gets app/not-found.tsx rendered on the server with status 404
 * (see lib/site/missing-page.ts for why the page's own notFound() is not enough).
 */
const NOT_FOUND_REWRITE = "/_ikke-funnet";

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  // A malformed percent escape (`/kommuner/%E0%A4%A`) makes Next.js's own parameter decoding throw,
  // a bare 500 before any page or route runs: answer 400 (API, Norwegian JSON) or the 404 page here.
  if (!isWellFormedPath(pathname)) {
    if (pathname.startsWith("/api/")) return Response.json({ feil: "Ugyldig adresse: adressen inneholder en ødelagt %-koding." }, { status: 400, headers: CORS_HEADERS });
    return NextResponse.rewrite(new URL(NOT_FOUND_REWRITE, request.url));
  }
  if (LOGIN_PATHS.some((re) => re.test(pathname))) {
    // Anonymous: the login redirect. Logged in: a missing proposal or survey round gets the same
    // server-rendered 404 page as a missing public page (the page's own notFound() stays the authority).
    const loginResponse = await requireLogin(request as NextRequestWithAuth, event);
    if (loginResponse) return loginResponse;
  }
  if ((request.method === "GET" || request.method === "HEAD") && (await isMissing(pathname))) {
    return NextResponse.rewrite(new URL(NOT_FOUND_REWRITE, request.url));
  }
  return NextResponse.next();
}

/** Loaded on first use, so that a failure there (the database layer) never stops the login redirects above. */
async function isMissing(pathname: string): Promise<boolean> {
  try {
    const { isMissingPublicPage } = await import("@/lib/site/missing-page");
    return await isMissingPublicPage(pathname);
  } catch (error) {
    console.error("[samarbeidsregisteret] 404-sjekken feilet; siden avgjør selv", error);
    return false;
  }
}

export const config = {
  matcher: [
    "/admin/:path*",
    "/endringsforslag/:path*",
    "/kartlegging/:path*",
    "/mine-forslag/:path*",
    "/konto",
    "/kvalitet",
    "/ordninger/ny",
    "/ordninger/:id/rediger",
    "/kommuner/:nummer",
    "/ordninger/:id",
    "/ordninger/:id/historikk",
    "/regioner/:slug",
    "/statistikk/:side",
    // Only for the malformed-escape guard above.
    "/api/v1/:path*",
    "/kommuner/:nummer/kartleggingsfil",
    "/statistikk/:side/eksport",
  ],
};
