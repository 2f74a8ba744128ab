import { redirect } from "next/navigation";
import { currentActor } from "./actor.ts";
import type { Actor } from "./authorize.ts";

/** For pages that need a login: the actor, or a redirect to the login page that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/logg-inn?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** Only local paths are followed after login (no open redirect). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  let path = value;
  try {
    const url = new URL(value, "http://lokal");
    if (url.origin !== "http://lokal") {
      const own = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
      if (url.origin !== own) return fallback;
    }
    path = `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
