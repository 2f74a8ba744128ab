import "server-only";
import { randomUUID } from "node:crypto";
import { CORS_HEADERS, entityTag, matchesIfNoneMatch, notModifiedSince, validatorHeaders } from "@/lib/api/http";
import { registryVersion } from "@/lib/registry/version";
import { CACHE_STATUS_HEADER, cachedAnswer, chooseEncoding, keepable, replyFrom, responseCacheEnabled, responseFrom, type KeptAnswer, type Reply } from "./response-cache";
import { hasSessionCookie } from "./session-cookie";

/**
 * Public reads answered from memory by proxy.ts (lib/http/response-cache.ts, decision 0051):
 *
 * - **pages**: full HTML documents of the public pages for anonymous visitors (no session cookie;
 *   a request that asks for HTML, not a client-side navigation, prefetch or server action);
 * - **open data**: GETs of the open API (/api/v1/…) and the open-data files (/apne-data/<file>),
 *   for everybody (they never depend on who asks).
 *
 * On a miss the proxy asks this same server for the address once (a request marked with this
 * process's fill token, which the proxy lets through to the page or route handler as usual) and
 * keeps a 200 under the registry version; concurrent misses share that one request. A kept answer
 * gets an ETag from the version, so a current client copy answers 304: pages with
 * `Cache-Control: private, no-cache` (the browser may keep an anonymous page, and asks each time),
 * the open data with its public short max-age (lib/api/http.ts).
 *
 * The proxy runs in its own module context, apart from the pages and route handlers, so the memory
 * lives (and is filled) here, in the proxy, for both kinds.
 */

const PUBLIC_PAGES = [
  /^\/$/,
  /^\/ordninger$/,
  /^\/ordninger\/(?!ny$|eksport$)[^/]+(\/historikk)?$/,
  /^\/kommuner(\/\d{4})?$/,
  /^\/regioner(\/[a-z0-9-]+)?$/,
  /^\/statistikk(\/[a-z0-9-]+)?$/,
  /^\/kart$/,
  /^\/sok$/,
  /^\/apne-data$/,
  /^\/om-dataene$/,
  /^\/tilgjengelighet$/,
  /^\/personvern$/,
  /^\/kontakt$/,
];
const OPEN_DATA = [/^\/api\/v1\//, /^\/apne-data\/[a-z.-]+$/];
/** Request headers of a client-side navigation, prefetch or server action: those answers are not documents. */
const NOT_A_DOCUMENT = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
export const FILL_HEADER = "x-samarbeid-fill";
const PAGE_CACHE_CONTROL = "private, no-cache";

// One token per process, never sent anywhere but to this server itself.
const globalForFill = globalThis as unknown as { samarbeidFillToken?: string };
const fillToken = (globalForFill.samarbeidFillToken ??= randomUUID());

/** The request headers a kept read looks at (fetch's Headers, or the front's view of Node's headers). */
export type HeaderReader = Pick<Headers, "get" | "has">;

export interface ReadRequest {
  method: string;
  url: string;
  headers: HeaderReader;
  cookies: { has(name: string): boolean };
}

type Kind = "page" | "data";

/** Which kind of kept read this request may be answered as, or null (then it goes through as usual). */
export function keptKind(request: ReadRequest): Kind | null {
  if (request.method !== "GET" || !responseCacheEnabled()) return null;
  if (request.headers.get(FILL_HEADER) === fillToken) return null;
  const { pathname, searchParams } = new URL(request.url);
  if (OPEN_DATA.some((pattern) => pattern.test(pathname))) return "data";
  if (!isDocumentRequest(request.headers) || NOT_A_DOCUMENT.some((name) => request.headers.has(name)) || searchParams.has("_rsc")) return null;
  if (hasSessionCookie(request.cookies)) return null;
  return PUBLIC_PAGES.some((pattern) => pattern.test(pathname)) ? "page" : null;
}

/**
 * Whether the request asks for an HTML document, as a browser's navigation does (`Accept:
 * text/html…`, and `Sec-Fetch-Dest: document` where sent). Next hides its RSC headers and `_rsc`
 * from the proxy, but its client-side navigations and prefetches are `fetch()` calls (the browser's
 * default Accept, without text/html, and `Sec-Fetch-Dest: empty`), so they never match and always
 * reach the page. Tools that do not ask for HTML (curl's default) get the page rendered as usual.
 */
export function isDocumentRequest(headers: HeaderReader): boolean {
  const destination = headers.get("sec-fetch-dest");
  if (destination && destination !== "document") return false;
  return (headers.get("accept") ?? "").toLowerCase().includes("text/html");
}

/** Where this server listens, for the fill request (Next.js records its own address at start). */
function ownOrigin(): string {
  return process.env.INTERNAL_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

async function fill(pathAndQuery: string, kind: Kind, request: ReadRequest): Promise<KeptAnswer> {
  const headers: Record<string, string> = { [FILL_HEADER]: fillToken, accept: kind === "page" ? "text/html" : (request.headers.get("accept") ?? "*/*"), "accept-encoding": "identity" };
  // The session cookie decides where a read goes (lib/db.ts readPool): the fill reads where the visitor would.
  const cookie = request.headers.get("cookie");
  if (kind === "data" && cookie) headers.cookie = cookie;
  const response = await fetch(`${ownOrigin()}${pathAndQuery}`, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const kept = await keepable(response);
  // The fill asks for no compression; keepable() makes the compressed copies once.
  kept.headers = kept.headers.filter(([name]) => name.toLowerCase() !== "content-encoding");
  return kept;
}

const header = (answer: KeptAnswer, name: string) => answer.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? "";

function keepAs(kind: Kind): (answer: KeptAnswer) => boolean {
  if (kind === "page") return (answer) => answer.status === 200 && header(answer, "content-type").startsWith("text/html");
  return (answer) => answer.status === 200 && !header(answer, "cache-control").includes("no-store");
}

/**
 * The reply to a public read from memory (or filled once and kept), 304 for a current client
 * copy, or null when this read is not kept (the caller lets it through as usual). `compress`: the
 * caller can send a compressed body (lib/http/front.ts can; proxy.ts cannot, see keptAnswer).
 */
export async function keptReply(request: ReadRequest, kind: Kind, options: { compress?: boolean } = {}): Promise<Reply | null> {
  const { pathname, search } = new URL(request.url);
  const version = await registryVersion({ anonymous: !hasSessionCookie(request.cookies) });
  const { answer, hit } = await cachedAnswer(`${kind}\n${version.token}\n${pathname}${search}`, () => fill(`${pathname}${search}`, kind, request), keepAs(kind));
  // Not an answer to keep (a 404, a redirect, a 400, an error): the request goes through as usual.
  if (!keepAs(kind)(answer)) return null;
  const validators = validatorHeaders(entityTag(request.url, version.token), version.lastModified);
  const extra: Record<string, string> = kind === "page" ? { ETag: validators.ETag!, "Cache-Control": PAGE_CACHE_CONTROL } : { ...CORS_HEADERS, ...validators };
  // The compressed copy goes with a weak ETag (one representation of the same content, as web
  // servers mark a compressed answer); If-None-Match compares weakly, so either tag matches.
  const encoding = options.compress ? chooseEncoding(request.headers.get("accept-encoding"), answer) : null;
  if (encoding) extra.ETag = `W/${validators.ETag!}`;
  const ifNoneMatch = request.headers.get("if-none-match");
  const current = ifNoneMatch ? matchesIfNoneMatch(ifNoneMatch, validators.ETag!) : kind === "data" && notModifiedSince(request.headers.get("if-modified-since"), version.lastModified);
  if (current) return { status: 304, headers: new Headers({ ...extra, [CACHE_STATUS_HEADER]: "hit" }), body: null };
  return replyFrom(answer, { ...extra, [CACHE_STATUS_HEADER]: hit ? "hit" : "miss" }, { encoding });
}

/**
 * The same as a Response, for proxy.ts. Always the plain body: Next.js drops Content-Encoding
 * from a proxy's answer (and compresses it again itself, on every request).
 */
export async function keptAnswer(request: ReadRequest, kind: Kind): Promise<Response | null> {
  const reply = await keptReply(request, kind);
  return reply && responseFrom(reply);
}
