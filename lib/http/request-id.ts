/**
 * The request id that ties a request's log lines together: the proxy's `x-request-id` when it sent a
 * sane one (letters, digits, `.`, `_`, `-`, at most 100 characters), else a new UUID. proxy.ts sets it
 * on the request (for route handlers and pages) and on the response (for the client and the proxy's log).
 */
export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._-]{1,100}$/;

export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SANE.test(incoming) ? incoming : crypto.randomUUID();
}
