/** Server actions accept bodies up to this size (next.config.js serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 12 * 1024 * 1024;

const TOO_LARGE = "Forespørselen er for stor (høyst 12 MB). Ingenting er lagret.";
const UNREADABLE = "Forespørselen kunne ikke leses: innholdet er ødelagt eller har feil format. Ingenting er lagret.";

/**
 * Server-action requests Next.js would answer with a bare 500 (a foreign Origin, "Invalid Server
 * Actions request") or cut off mid-body: refused here first with a Norwegian 403 or 413.
 *
 * The size: by Content-Length when the client sent one (browsers always do for server actions).
 * A chunked body has none, and Next passes only its first 12 MB on (proxyClientMaxBodySize), so an
 * oversized one reached the action cut short and failed there with a 500; such a body is counted
 * here, and one that reaches the limit is refused. (The proxy reads its own copy of the body; the
 * action still gets the whole of a smaller one.) A body Next cannot decode is a Norwegian 400.
 */
export async function guardServerAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim();
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) {
      return new Response("Forespørselen kommer fra et annet opphav (origin) enn nettstedet, og er avvist. Ingenting er lagret.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > ACTION_BODY_LIMIT) return refuse(413, TOO_LARGE);
  const body = await readBody(request, declared === null ? ACTION_BODY_LIMIT : Infinity);
  if (body === "too-large") return refuse(413, TOO_LARGE);
  if (body && !(await payloadReadable(body, request.headers.get("content-type") ?? ""))) return refuse(400, UNREADABLE);
  return null;
}

const refuse = (status: number, text: string) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The body (the proxy's own copy), or "too-large" once it reaches `limit` (then read no further);
 * null when it cannot be read (a body that breaks off is no reason to refuse here; Next answers it).
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array | "too-large" | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size >= limit) return "too-large";
      parts.push(value);
    }
  } catch {
    return null;
  } finally {
    reader.cancel().catch(() => {});
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body;
}

/**
 * Whether Next can decode the action's arguments: React sends them as JSON text (text/plain) or as
 * multipart form data whose numbered fields (and the no-JavaScript form's `$ACTION_n:m`) are JSON.
 * A body that is neither made Next fail with a bare 500 (issue #14); it is refused here with a 400.
 */
async function payloadReadable(body: Uint8Array, type: string): Promise<boolean> {
  try {
    if (/^text\/plain/i.test(type)) {
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } else if (/^multipart\/form-data/i.test(type)) {
      const form = await new Response(body as BodyInit, { headers: { "Content-Type": type } }).formData();
      for (const [key, value] of form) if (typeof value === "string" && /^(\d+|\$ACTION_\d+:\d+)$/.test(key)) JSON.parse(value);
    }
    return true;
  } catch {
    return false;
  }
}
