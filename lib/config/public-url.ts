/**
 * The registry's public address, for every absolute link it writes (API redirects, the «Lenke»
 * column of exports, e-mails): `APP_URL`, else `NEXTAUTH_URL`, else http://localhost:PORT. Never
 * taken from the request: behind a reverse proxy `request.url` is the internal address
 * (http://localhost:3000), and a Host header is the client's to choose.
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  for (const candidate of [env.APP_URL, env.NEXTAUTH_URL]) {
    const value = candidate?.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol === "http:" || url.protocol === "https:") return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    } catch {
      // fall through to the next candidate
    }
  }
  return `http://localhost:${env.PORT?.trim() || "3000"}`;
}

/** An absolute public URL for a path of the registry ("/ordninger/x"). */
export function publicUrl(path: string, env?: Record<string, string | undefined>): string {
  return `${publicBaseUrl(env)}${path.startsWith("/") ? path : `/${path}`}`;
}
