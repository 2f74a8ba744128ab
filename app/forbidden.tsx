import { NoAccess } from "@/components/auth/NoAccess";
import { deniedReason } from "@/lib/auth/page";

export const metadata = { title: "Ingen tilgang" };

/** Rendered with status 403 when a page calls denyAccess (lib/auth/page.ts). */
export default async function Forbidden() {
  const reason = await deniedReason();
  return <NoAccess reason={reason ?? "Du har ikke tilgang til denne siden med kontoen du er logget inn med."} />;
}
