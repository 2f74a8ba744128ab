import { headers } from "next/headers";
import { NoAccess } from "@/components/auth/NoAccess";
import { FORBIDDEN_PATH_HEADER, forbiddenReason } from "@/lib/auth/forbidden-reason";
import { safeReturnPath } from "@/lib/auth/page";

export const metadata = { title: "Ingen tilgang" };

/**
 * Rendered with status 403 when a page calls denyAccess (lib/auth/page.ts): why, by the section of
 * the address that was asked for (proxy.ts passes it on as a request header), and where to go next.
 */
export default async function Forbidden() {
  const requested = (await headers()).get(FORBIDDEN_PATH_HEADER);
  const path = safeReturnPath(requested, "");
  return <NoAccess reason={forbiddenReason(path)} returnTo={path || null} />;
}
