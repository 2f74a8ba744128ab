import { z } from "zod";
import { requestLog } from "@/lib/log";
import { registryVersion } from "@/lib/registry/version";
import { CORS_HEADERS, PUBLIC_CACHE_CONTROL, entityTag, matchesIfNoneMatch, notModifiedSince, preflightAnswer, validatorHeaders, withHeaders } from "./http";
import { badRequest, type ErrorDetail } from "./responses";

/**
 * The one wrapper for the open API's route handlers: it parses the query string with the route's
 * zod schema (the same schema the OpenAPI document is generated from, lib/openapi), answers 400
 * with a Norwegian message naming each bad parameter, and turns an unreachable database into 503
 * and anything else unexpected into 500, both as Norwegian JSON without internal details.
 *
 * It also applies the API's HTTP conventions (lib/api/http.ts) to every answer: CORS headers (also
 * on redirects and errors), and for reads a public short-lived cache with ETag/Last-Modified from
 * the registry's change counter, answering 304 before the handler runs when the client's copy is
 * current. The version is read before the handler, so a change applied meanwhile can only make the
 * answer newer than its ETag says, never older: the next revalidation then gets the full answer.
 */

export interface RouteOptions {
  /** "registry" (default): ETag/Last-Modified from the change counter and a short public max-age; "none": no-store. */
  cache?: "registry" | "none";
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; details: ErrorDetail[] };

export interface QueryParameters<T> {
  /** The accepted parameters: the keys of this zod object (documented in OpenAPI from it). */
  schema: z.ZodObject;
  /** Parses the query string with the schema (and may look values up in the database). */
  parse(params: URLSearchParams): ParseResult<T> | Promise<ParseResult<T>>;
  /** Answer 400 for a parameter the schema does not know (where the OpenAPI document promises it). */
  rejectUnknown?: boolean;
}

type RouteContext<P> = { params: Promise<P> };

export const DATABASE_UNAVAILABLE = "Databasen svarer ikke akkurat nå. Prøv igjen om litt.";
export const INTERNAL_ERROR = "Noe gikk galt på serveren. Prøv igjen om litt.";

/** Query parameters the schema does not know, in the order they appear. */
export function unknownParameters(params: URLSearchParams, schema: z.ZodObject): string[] {
  const known = new Set(Object.keys(schema.shape));
  return [...new Set(params.keys())].filter((key) => !known.has(key));
}

const NO_PARAMETERS = z.object({});

export function unknownParametersAnswer(unknown: string[], schema: z.ZodObject): Response {
  const known = Object.keys(schema.shape).join(", ");
  const valid = known ? `Gyldige parametere er ${known}.` : "Denne adressen tar ingen parametere.";
  const names = unknown.map((name) => `«${name}»`).join(", ");
  const message = `${unknown.length === 1 ? "Ukjent parameter" : "Ukjente parametere"}: ${names}. ${valid}`;
  return badRequest(
    message,
    unknown.map((name) => ({ felt: name, melding: `Ukjent parameter «${name}». ${valid}` })),
  );
}

const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
/** PostgreSQL: connection exceptions (class 08), shutdown (57P01–57P03), too many connections. */
const UNREACHABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server/i;

/** Whether an error (or anything in its cause chain) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const code = "code" in error ? String(error.code) : "";
  if (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code)) return true;
  if ("kind" in error && UNREACHABLE_ADAPTER_KINDS.has(String(error.kind))) return true;
  if ("message" in error && UNREACHABLE_MESSAGE.test(String(error.message))) return true;
  const next: unknown[] = [];
  if ("cause" in error) next.push(error.cause);
  if ("meta" in error && typeof error.meta === "object" && error.meta !== null && "driverAdapterError" in error.meta) next.push(error.meta.driverAdapterError);
  if ("errors" in error && Array.isArray(error.errors)) next.push(...error.errors);
  return next.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** The answer for an error no handler expected: 503 when the database is down, else 500; never internal text. */
export function unexpectedErrorAnswer(error: unknown, request?: Request): Response {
  const headers = { ...CORS_HEADERS, "Cache-Control": "no-store" };
  if (isDatabaseUnavailable(error)) {
    requestLog(request).error({ err: error, url: request?.url }, "API: databasen svarer ikke");
    return Response.json({ feil: DATABASE_UNAVAILABLE }, { status: 503, headers: { ...headers, "Retry-After": "30" } });
  }
  requestLog(request).error({ err: error, url: request?.url }, "API: uventet feil");
  return Response.json({ feil: INTERNAL_ERROR }, { status: 500, headers });
}

/** Either an early answer (a 400 for bad parameters) or the handler to run once the caching checks pass. */
type Prepared = Response | (() => Promise<Response>);

/**
 * Runs a route with the conventions above. `prepare` checks the parameters first, so a bad request
 * answers 400 without touching the database; whatever is thrown becomes a Norwegian JSON answer
 * (503 or 500).
 */
async function guarded(request: Request, options: RouteOptions, prepare: () => Promise<Prepared>): Promise<Response> {
  try {
    const prepared = await prepare();
    if (prepared instanceof Response) return withHeaders(prepared, { ...CORS_HEADERS, "Cache-Control": "no-store" });
    if (options.cache === "none" || (request.method !== "GET" && request.method !== "HEAD")) {
      const response = await prepared();
      return withHeaders(response, { ...CORS_HEADERS, "Cache-Control": response.headers.get("Cache-Control") ?? "no-store" });
    }
    const version = await registryVersion();
    const validators = validatorHeaders(entityTag(request.url, version.token), version.lastModified);
    const ifNoneMatch = request.headers.get("If-None-Match");
    const current = ifNoneMatch ? matchesIfNoneMatch(ifNoneMatch, validators.ETag!) : notModifiedSince(request.headers.get("If-Modified-Since"), version.lastModified);
    if (current) return new Response(null, { status: 304, headers: { ...CORS_HEADERS, ...validators } });
    const response = await prepared();
    if (response.status === 200) return withHeaders(response, { ...CORS_HEADERS, ...validators });
    if (response.status === 308) return withHeaders(response, { ...CORS_HEADERS, "Cache-Control": PUBLIC_CACHE_CONTROL });
    return withHeaders(response, { ...CORS_HEADERS, "Cache-Control": "no-store" });
  } catch (error) {
    return unexpectedErrorAnswer(error, request);
  }
}

/** The OPTIONS handler for every open-API route file (CORS preflight). */
export function apiPreflight(): Response {
  return preflightAnswer();
}

/** A route without parameters (GET /api/v1/kommuner, /api/health); unknown query parameters answer 400. */
export function apiRoute(handle: (request: Request) => Promise<Response>, options: RouteOptions = {}): (request?: Request) => Promise<Response> {
  return (request = new Request("http://localhost/")) =>
    guarded(request, options, async () => {
      const unknown = options.cache === "none" ? [] : unknownParameters(new URL(request.url).searchParams, NO_PARAMETERS);
      if (unknown.length) return unknownParametersAnswer(unknown, NO_PARAMETERS);
      return () => handle(request);
    });
}

/** A route with query parameters, parsed by `query` before the handler runs. */
export function apiQueryRoute<Q>(query: QueryParameters<Q>, handle: (args: { request: Request; query: Q }) => Promise<Response>, options: RouteOptions = {}): (request: Request) => Promise<Response> {
  return (request) =>
    guarded(request, options, async () => {
      const search = new URL(request.url).searchParams;
      if (query.rejectUnknown) {
        const unknown = unknownParameters(search, query.schema);
        if (unknown.length) return unknownParametersAnswer(unknown, query.schema);
      }
      const parsed = await query.parse(search);
      if (!parsed.ok) return badRequest(parsed.message, parsed.details);
      return () => handle({ request, query: parsed.value });
    });
}

/** A route with path parameters (GET /api/v1/ordninger/{id}); `notFound` from responses.ts answers 404. */
export function apiPathRoute<P>(handle: (args: { request: Request; params: P }) => Promise<Response>, options: RouteOptions = {}): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return (request, context) =>
    guarded(request, options, async () => {
      const unknown = unknownParameters(new URL(request.url).searchParams, NO_PARAMETERS);
      if (unknown.length) return unknownParametersAnswer(unknown, NO_PARAMETERS);
      const params = await context.params;
      return () => handle({ request, params });
    });
}
