import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { keptKind, keptReply, type HeaderReader, type ReadRequest } from "./kept-answers";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/**
 * The front of the production server (scripts/serve.ts, decision 0052): public reads that are kept
 * in memory (lib/http/kept-answers.ts) are answered here, before Next.js routes the request, and
 * everything else goes on to Next.js untouched.
 *
 * Through proxy.ts a kept answer still cost ~2 ms of the one thread (Next's routing and the
 * proxy's request and response objects) and could not be sent compressed (Next drops a proxy's
 * Content-Encoding and gzips the page again on every request). Here it is one small version query
 * and one write of bytes made once: plain, or the Brotli or gzip copy to a client that accepts it.
 */

/** The environment variable the server sets: proxy.ts then leaves kept reads to the front. */
export const FRONT_ENV = "SAMARBEID_FRONT";

export function frontIsActive(): boolean {
  return process.env[FRONT_ENV] === "1";
}

/**
 * Node's request headers read as fetch's Headers reads them (names in any case; a repeated header
 * joined with ", "), without copying them into a Headers object on every request.
 */
function headerReader(req: IncomingMessage): HeaderReader {
  const value = (name: string): string | null => {
    const found = req.headers[name.toLowerCase()];
    return found === undefined ? null : Array.isArray(found) ? found.join(", ") : found;
  };
  return { get: value, has: (name) => value(name) !== null };
}

function readRequestFrom(req: IncomingMessage): ReadRequest {
  const headers = headerReader(req);
  const names = new Set(
    (headers.get("cookie") ?? "")
      .split(";")
      .map((pair) => pair.split("=")[0]!.trim())
      .filter(Boolean),
  );
  return { method: req.method ?? "GET", url: `http://localhost${req.url ?? "/"}`, headers, cookies: { has: (name) => names.has(name) } };
}

/**
 * Answers the request from memory when it is a kept public read, and says whether it did. False:
 * the caller hands the request to Next.js (not a kept read, not an answer to keep, or any failure).
 */
export async function answerFromMemory(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET") return false;
  let request: ReadRequest;
  try {
    request = readRequestFrom(req);
    if (!URL.canParse(request.url)) return false;
  } catch {
    return false;
  }
  const kind = keptKind(request);
  if (!kind) return false;
  let reply;
  try {
    reply = await keptReply(request, kind, { compress: true });
  } catch (error) {
    console.error("[samarbeidsregisteret] minnet for offentlige svar feilet; svaret lages på vanlig måte", error);
    return false;
  }
  if (!reply) return false;
  res.statusCode = reply.status;
  reply.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader(REQUEST_ID_HEADER, requestIdFrom(request.headers));
  if (reply.body) res.setHeader("content-length", reply.body.byteLength);
  res.end(reply.body ?? undefined);
  return true;
}
