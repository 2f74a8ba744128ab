import "server-only";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";

/**
 * Finished answers (status, headers, body) kept in the process's memory under the registry's
 * version (lib/registry/version.ts), so a repeat read of the same public address costs one small
 * query instead of a render (docs/decisions/0051-response-cache.md).
 *
 * The key always starts with the version token, which moves with every applied change, at midnight
 * in Norway and at each process start: an answer is never served after a change, because the next
 * request reads a new version and misses. Nothing here decides what is correct; an instance with an
 * empty memory answers exactly as one with a full one, so several instances behind one proxy agree.
 *
 * Concurrent misses for one key share one production (the first fills, the rest wait for it), so a
 * burst after a change renders each page once, not once per request. The memory is bounded by bytes
 * (RESPONSE_CACHE_MB, default 96; 0 turns it off, as does RESPONSE_CACHE=off), least recently used first out.
 */

/** Response header telling whether an answer came from memory ("hit") or was computed ("miss"). */
export const CACHE_STATUS_HEADER = "x-samarbeid-cache";

export interface KeptAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** The body gzip-compressed once, when it is text worth compressing (see `keepable`). */
  gzipped?: Uint8Array;
  /** The same body Brotli-compressed once (every current browser asks for it; about 35–40 % smaller than gzip on our pages). */
  brotli?: Uint8Array;
}

/** A content coding of a kept copy. */
export type Encoding = "br" | "gzip";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/**
 * Brotli quality 5: /kart at 4 × national (197 kB) becomes 25.5 kB in 7 ms (gzip: 40 kB in 4 ms;
 * quality 11: 20.8 kB in 283 ms, too much CPU for a copy made again after every change).
 */
const BROTLI_QUALITY = 5;
/** Bodies smaller than this are sent as they are (compression would gain too little). */
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[a-z.+-]*\+(json|xml))|image\/svg\+xml)/i;

const megabytes = Number(process.env.RESPONSE_CACHE_MB ?? 96);
const MAX_BYTES = Number.isFinite(megabytes) && megabytes > 0 ? Math.floor(megabytes * 1024 * 1024) : 0;
/** One answer may take at most a quarter of the memory (the open-data files at national scale fit). */
const MAX_ENTRY_BYTES = Math.floor(MAX_BYTES / 4);
/** Headers that belong to one exchange, never to a kept answer. */
const EXCHANGE_HEADERS = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id", "x-samarbeid-cache"]);

interface CacheState {
  kept: LRUCache<string, KeptAnswer>;
  filling: Map<string, Promise<KeptAnswer>>;
  hits: number;
  misses: number;
}

// On globalThis: Next.js may load this module once per bundle layer (proxy, route handlers, pages).
const globalForCache = globalThis as unknown as { samarbeidResponseCache?: CacheState };

function state(): CacheState {
  globalForCache.samarbeidResponseCache ??= {
    kept: new LRUCache<string, KeptAnswer>({
      maxSize: Math.max(1, MAX_BYTES),
      sizeCalculation: (answer) => Math.max(1, answer.body.byteLength + (answer.gzipped?.byteLength ?? 0) + (answer.brotli?.byteLength ?? 0) + 64 * answer.headers.length),
    }),
    filling: new Map(),
    hits: 0,
    misses: 0,
  };
  return globalForCache.samarbeidResponseCache;
}

export function responseCacheEnabled(): boolean {
  return MAX_BYTES > 0 && process.env.RESPONSE_CACHE !== "off";
}

/**
 * A Response's status, reusable headers and whole body, plus the body gzip- and Brotli-compressed
 * once when it is text of some size (browsers always ask for compression; compressing a 330 kB page
 * costs ~12 ms of the thread that answers requests, so it is done once per kept answer, on libuv's
 * thread pool).
 */
export async function keepable(response: Response): Promise<KeptAnswer> {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!EXCHANGE_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const compressible = body.byteLength >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(response.headers.get("content-type") ?? "") && !response.headers.has("content-encoding");
  if (!compressible) return { status: response.status, headers, body };
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(body),
    brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
  ]);
  return { status: response.status, headers, body, gzipped: new Uint8Array(gzipped), brotli: new Uint8Array(brotli) };
}

/**
 * The weight (q-value) an Accept-Encoding header gives a content coding (RFC 9110 §12.5.3): the
 * coding named (`x-gzip` counts as gzip), else `*`, else 0 (not accepted).
 */
export function codingWeight(header: string | null | undefined, coding: Encoding): number {
  if (!header) return 0;
  let star = 0;
  for (const part of header.split(",")) {
    const [rawName = "", ...params] = part.split(";");
    const name = rawName.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    const value = Number.isFinite(weight) && weight > 0 ? Math.min(1, weight) : 0;
    if (name === coding || (coding === "gzip" && name === "x-gzip")) return value;
    if (name === "*") star = value;
  }
  return star;
}

/**
 * The compressed copy of a kept answer to send for this Accept-Encoding: the accepted coding with
 * the highest weight, Brotli on a tie (it is the smaller); null for the plain body.
 */
export function chooseEncoding(header: string | null | undefined, answer: KeptAnswer): Encoding | null {
  const br = answer.brotli ? codingWeight(header, "br") : 0;
  const gz = answer.gzipped ? codingWeight(header, "gzip") : 0;
  if (br > 0 && br >= gz) return "br";
  return gz > 0 ? "gzip" : null;
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110 §12.5.3): `gzip` (or `x-gzip`) or `*`
 * with a q-value above 0; gzip named with q=0 refuses it whatever `*` says.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  return codingWeight(header, "gzip") > 0;
}

/** What is sent for a kept answer: status, headers and the body bytes (the kept bytes themselves: never write to them). */
export interface Reply {
  status: number;
  headers: Headers;
  body: Uint8Array | null;
}

/**
 * The reply for a kept answer: its compressed copy in `encoding` when asked for and kept, else the
 * plain body. A kept answer with a compressed copy varies by Accept-Encoding either way.
 */
export function replyFrom(answer: KeptAnswer, extraHeaders: Record<string, string> = {}, options: { encoding?: Encoding | null } = {}): Reply {
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  if (answer.status === 204 || answer.status === 304) return { status: answer.status, headers, body: null };
  if (answer.gzipped) addVary(headers, "Accept-Encoding");
  const zipped = options.encoding === "br" ? answer.brotli : options.encoding === "gzip" ? answer.gzipped : undefined;
  if (zipped) headers.set("content-encoding", options.encoding!);
  return { status: answer.status, headers, body: zipped ?? answer.body };
}

function addVary(headers: Headers, name: string): void {
  const vary = headers.get("vary");
  const present = (vary ?? "").split(",").map((v) => v.trim().toLowerCase());
  if (present.includes("*") || present.includes(name.toLowerCase())) return;
  headers.set("vary", vary ? `${vary}, ${name}` : name);
}

/** A fresh Response from a kept answer (a Response body can be read only once). */
export function answerFrom(answer: KeptAnswer, extraHeaders: Record<string, string> = {}): Response {
  return responseFrom(replyFrom(answer, extraHeaders));
}

/** A Response for a reply (its own copy of the body: a Response body can be read only once). */
export function responseFrom(reply: Reply): Response {
  return new Response(reply.body ? reply.body.slice() : null, { status: reply.status, headers: reply.headers });
}

/**
 * The answer kept under `key`, or the one `produce` gives. It is kept when `keep(answer)` says so
 * (e.g. only 200s) and it is small enough. `hit` tells whether it came from memory (or from a fill
 * another request had started).
 */
export async function cachedAnswer(key: string, produce: () => Promise<KeptAnswer>, keep: (answer: KeptAnswer) => boolean): Promise<{ answer: KeptAnswer; hit: boolean }> {
  const cache = state();
  const found = cache.kept.get(key);
  if (found) {
    cache.hits += 1;
    return { answer: found, hit: true };
  }
  const pending = cache.filling.get(key);
  if (pending) {
    cache.hits += 1;
    return { answer: await pending, hit: true };
  }
  cache.misses += 1;
  const fill = produce().then((answer) => {
    if (keep(answer) && answer.body.byteLength <= MAX_ENTRY_BYTES) cache.kept.set(key, answer);
    return answer;
  });
  cache.filling.set(key, fill);
  try {
    return { answer: await fill, hit: false };
  } finally {
    cache.filling.delete(key);
  }
}

/** The answer kept under `key`, if any (counted as a hit), without producing one. */
export function peekAnswer(key: string): KeptAnswer | undefined {
  const cache = state();
  const found = cache.kept.get(key);
  if (found) cache.hits += 1;
  return found;
}

/** Counters for /api/health and the benchmarks. */
export function responseCacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  const cache = state();
  return { entries: cache.kept.size, bytes: cache.kept.calculatedSize, hits: cache.hits, misses: cache.misses };
}

/** Forgets every kept answer (tests). */
export function forgetResponses(): void {
  const cache = state();
  cache.kept.clear();
  cache.hits = 0;
  cache.misses = 0;
}
