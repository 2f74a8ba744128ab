/** Server actions accept bodies up to this size (next.config.js serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 12 * 1024 * 1024;

const TOO_LARGE = "Forespørselen er for stor (høyst 12 MB). Ingenting er lagret.";

/**
 * Server-action requests Next.js would answer with a bare 500 (a foreign Origin, "Invalid Server
 * Actions request") or cut off mid-body: refused here first with a Norwegian 403 or 413.
 *
 * The size: by Content-Length when the client sent one (browsers always do for server actions).
 * A chunked body has none, and Next passes only its first 12 MB on (proxyClientMaxBodySize), so an
 * oversized one reached the action cut short and failed there with a 500; such a body is counted
 * here, and one that reaches the limit is refused. (The proxy reads its own copy of the body; the
 * action still gets the whole of a smaller one.)
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
  const tooLarge = declared !== null ? Number(declared) > ACTION_BODY_LIMIT : await bodyReaches(request, ACTION_BODY_LIMIT);
  return tooLarge ? new Response(TOO_LARGE, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } }) : null;
}

/** Whether a body without a declared length has at least `limit` bytes (read only that far). */
async function bodyReaches(request: Request, limit: number): Promise<boolean> {
  if (!request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size >= limit) return true;
    }
  } catch {
    // A body that breaks off is no reason to refuse here; Next answers it as before.
    return false;
  } finally {
    reader.cancel().catch(() => {});
  }
}
