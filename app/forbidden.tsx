import { NoAccess } from "@/components/auth/NoAccess";

export const metadata = { title: "Ingen tilgang" };

/** Rendered with status 403 when a page calls denyAccess (lib/auth/page.ts). */
export default function Forbidden() {
  return <NoAccess reason="Kontoen du er logget inn med, har ikke tilgang til denne siden. Logg inn med en annen konto, eller gå tilbake til forsiden." />;
}
