import { isIP } from "node:net";

/**
 * The client's IP address as far as it can be trusted (docs/decisions/0042).
 *
 * `TRUST_PROXY` is the number of reverse proxies in front of the app that append to
 * X-Forwarded-For (default 0). With 0 the header is ignored: anyone can write it, so believing it
 * would hand out a fresh IP allowance per made-up value and let a stranger lock out an office
 * address. Next.js does not show the socket address to route handlers, so without a trusted proxy
 * the address is unknown (null) and only the per-account limit applies. With N hops the client is
 * the N-th entry from the right (what the outermost trusted proxy saw); anything that is not a
 * syntactically valid IP counts as unknown.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUST_PROXY må være et heltall fra 0 til 10 (antall proxyer foran appen), ikke «${raw}».`);
  return hops;
}

export function clientIp(headers: Record<string, unknown> | Headers | undefined, hops = trustedProxyHops()): string | null {
  if (hops === 0 || !headers) return null;
  const header = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(header) ? header.join(",") : header;
  if (typeof value !== "string") return null;
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = entries[entries.length - hops];
  if (!candidate) return null;
  const bare = candidate.replace(/^\[(.*)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return isIP(bare) ? bare.toLowerCase() : null;
}
