import { createHash } from "node:crypto";

/**
 * HTTP conventions of the open API (/api/v1/**) and the open-data files, applied once by the
 * wrappers in lib/api/route.ts:
 *
 * - CORS on every answer (also 308 redirects, errors and 304), and a preflight answer for OPTIONS;
 * - `ETag` and `Last-Modified` from the registry's change counter (lib/registry/version.ts), so a
 *   repeat read with a matching `If-None-Match` (or, without it, a current `If-Modified-Since`)
 *   gets 304; the counter moves with every applied change, so no answer outlives a change by more
 *   than the short `max-age`, and a revalidation always sees it.
 */

export const PUBLIC_CACHE_CONTROL = "public, max-age=60, must-revalidate";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Location, Content-Disposition",
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since, Cache-Control",
  "Access-Control-Max-Age": "86400",
};

/** The answer to a CORS preflight (OPTIONS) on any open-API address. */
export function preflightAnswer(): Response {
  return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: "GET, HEAD, OPTIONS" } });
}

/** A copy of `response` with `headers` set (Response.redirect's headers cannot be changed in place). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** A strong ETag for one address (path and query) at one registry version. */
export function entityTag(url: string, versionToken: string): string {
  const { pathname, search } = new URL(url);
  const digest = createHash("sha256").update(`${versionToken}\n${pathname}${search}`).digest("base64url").slice(0, 22);
  return `"${digest}"`;
}

/** Whether an If-None-Match header (a list, or *) matches the tag; weak comparison (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/** Whether the representation is unchanged since If-Modified-Since (only used without If-None-Match). */
export function notModifiedSince(header: string | null, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

/** Validator headers for a cacheable answer. */
export function validatorHeaders(etag: string, lastModified: Date): Record<string, string> {
  return { ETag: etag, "Last-Modified": lastModified.toUTCString(), "Cache-Control": PUBLIC_CACHE_CONTROL };
}
