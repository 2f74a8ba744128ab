import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { CORS_HEADERS } from "@/lib/api/http";
import { isWellFormedPath } from "@/lib/http/path-segment";
import { FORBIDDEN_PATH_HEADER } from "@/lib/auth/forbidden-reason";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { guardServerAction } from "@/lib/http/server-action-guard";

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

/**
 * Every request the proxy sees gets a request id (the incoming `x-request-id` when sane, else a new
 * one): passed on to the page or route handler as a request header (lib/log.ts requestLog) and sent
 * back as a response header, so a log line can be matched to a request. The requested path and query
 * go on as `x-samarbeid-path` (set here, replacing any such header the client sent), so a «Ingen tilgang» page can say why
 * (app/forbidden.tsx, lib/auth/forbidden-reason.ts).
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const requestId = requestIdFrom(request.headers);
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set(FORBIDDEN_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = await route(request, event, forwarded);
  response?.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function route(request: NextRequest, event: NextFetchEvent, headers: Headers): Promise<Response | null | undefined> {
  const { pathname } = request.nextUrl;
  const refused = await guardServerAction(request);
  if (refused) return refused;
  // A malformed percent escape (`/kommuner/%E0%A4%A`) makes Next.js's own parameter decoding throw,
  // a bare 500 before any page or route runs: answer 400 (API, Norwegian JSON) or the 404 page here.
  if (!isWellFormedPath(pathname)) {
    if (pathname.startsWith("/api/")) return Response.json({ feil: "Ugyldig adresse: adressen inneholder en ødelagt %-koding." }, { status: 400, headers: CORS_HEADERS });
    return NextResponse.rewrite(new URL(NOT_FOUND_REWRITE, request.url), { request: { headers } });
  }
  if (LOGIN_PATHS.some((re) => re.test(pathname))) {
    // Anonymous: the login redirect. Logged in: on to the page, where a missing proposal or survey
    // round gets the same server-rendered 404 page as a missing public page (below).
    const answer = await requireLogin(request as NextRequestWithAuth, event);
    // withAuth answers a redirect to the login page, or nothing when the visitor is logged in.
    if (answer && answer.headers.get("location")) return answer;
  }
  const kept = await keptRead(request);
  if (kept) return kept;
  if ((request.method === "GET" || request.method === "HEAD") && !pathname.startsWith("/api/") && (await isMissing(pathname))) {
    return NextResponse.rewrite(new URL(NOT_FOUND_REWRITE, request.url), { request: { headers } });
  }
  return NextResponse.next({ request: { headers } });
}

/**
 * A public page (anonymous visitors) or open-data answer from memory (lib/http/kept-answers.ts), or
 * null to render it as usual. Any failure there (the database, the fill) lets the request through.
 */
async function keptRead(request: NextRequest): Promise<Response | null> {
  try {
    // Under scripts/serve.ts (npm start) the server's front answers kept reads before Next.js routes them.
    const { frontIsActive } = await import("@/lib/http/front");
    if (frontIsActive()) return null;
    const { keptAnswer, keptKind } = await import("@/lib/http/kept-answers");
    const kind = keptKind(request);
    return kind ? await keptAnswer(request, kind) : null;
  } catch (error) {
    console.error("[samarbeidsregisteret] minnet for offentlige svar feilet; svaret lages på vanlig måte", error);
    return null;
  }
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
    // Public pages an anonymous visitor may get from memory (lib/http/kept-answers.ts).
    "/",
    "/ordninger",
    "/kommuner",
    "/regioner",
    "/statistikk",
    "/kart",
    "/sok",
    "/apne-data",
    "/om-dataene",
    "/tilgjengelighet",
    "/personvern",
    "/kontakt",
    "/apne-data/:file",
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
    // The malformed-escape guard above, and request ids for the API (next-auth's own routes are left alone).
    "/api/v1/:path*",
    "/api/health",
    "/api/varsler",
    // Server actions on any page: the origin and size checks in guardServerAction.
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "next-action" }] },
    "/kommuner/:nummer/kartleggingsfil",
    // Request ids on the other logged-in pages (they may answer «Ingen tilgang», logged with the reason).
    "/kommuner/:nummer/import",
    "/kartlegging/:path*",
    "/ordninger/:id/lagret",
    "/statistikk/:side/eksport",
  ],
};
