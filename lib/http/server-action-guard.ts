/** Server actions accept bodies up to this size (next.config.js serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 12 * 1024 * 1024;

/**
 * Server-action requests Next.js would answer with a bare 500 (a foreign Origin, "Invalid Server
 * Actions request") or cut off mid-body: refused here first with a Norwegian 403 or 413.
 */
export function guardServerAction(request: Request): Response | null {
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
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT) {
    return new Response("Forespørselen er for stor (høyst 12 MB). Ingenting er lagret.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return null;
}
