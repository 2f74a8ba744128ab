import "server-only";
import { prisma } from "@/lib/db";
import { findMunicipality } from "@/lib/municipalities";
import { STAT_PAGES } from "@/lib/stats/pages";

/**
 * Does a public detail address name something that does not exist? proxy.ts asks this before the
 * page renders and, if so, rewrites the request to an unmatched path, so that Next renders
 * app/not-found.tsx inside the root layout: real HTML with `lang="nb"` and status 404.
 *
 * Why not just `notFound()` in the page: in Next 16 a `notFound()` thrown while the page renders
 * gives status 404 but an empty error shell (`<html id="__next_error__">`, no `lang`); the Norwegian
 * message exists only in the RSC payload and appears after hydration, so without JavaScript the
 * page is blank (vercel/next.js#62228, #98954). The pages keep their own `notFound()` as the
 * authority (a client-side navigation does not pass the proxy); this check only mirrors their
 * lookups, cheaply, for the first HTML response.
 *
 * Returns false when in doubt (unknown shape, database error): the page then decides.
 */
export async function isMissingPublicPage(pathname: string): Promise<boolean> {
  const segments = pathname.split("/").filter(Boolean);
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return false;
  }
  const [section, key, sub] = decoded;
  if (!key) return false;
  try {
    switch (section) {
      case "kommuner":
        return decoded.length === 2 && (await findMunicipality(key)).kind === "missing";
      case "ordninger":
        if (RESERVED_ARRANGEMENT_SEGMENTS.has(key)) return false;
        if (decoded.length === 2 || (decoded.length === 3 && sub === "historikk")) return !(await arrangementExists(key));
        return false;
      case "regioner":
        return decoded.length === 2 && !(await regionExists(key));
      // Logged-in pages (proxy.ts has checked the login first): a proposal or a survey round by id.
      case "endringsforslag":
        return decoded.length === 2 && !(await recordExists("changeRequest", key));
      case "kartlegging":
        return decoded.length <= 3 && !(await recordExists("surveyRound", key));
      case "statistikk":
        return decoded.length === 2 && !RESERVED_STATISTICS_SEGMENTS.has(key) && !STAT_PAGES.some((p) => p.slug === key);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

/** Static routes under /statistikk that are not statistics pages. */
const RESERVED_STATISTICS_SEGMENTS = new Set(["sammenligning"]);

/** Static routes under /ordninger that are not arrangement slugs. */
const RESERVED_ARRANGEMENT_SEGMENTS = new Set(["ny", "eksport"]);

/** The same acceptance as findArrangement (lib/arrangements/detail.ts): a numeric id or a slug. */
async function arrangementExists(idOrSlug: string): Promise<boolean> {
  if (/^\d{1,9}$/.test(idOrSlug)) return (await prisma.arrangement.count({ where: { id: Number(idOrSlug) } })) > 0;
  if (!/^[a-z0-9-]{1,200}$/.test(idOrSlug)) return false;
  return (await prisma.arrangement.count({ where: { slug: idOrSlug } })) > 0;
}

/** A numeric id (as the pages accept it) of a change request or survey round that exists. */
async function recordExists(model: "changeRequest" | "surveyRound", id: string): Promise<boolean> {
  if (!/^\d{1,9}$/.test(id)) return false;
  const where = { where: { id: Number(id) } };
  return (model === "changeRequest" ? await prisma.changeRequest.count(where) : await prisma.surveyRound.count(where)) > 0;
}

/** The same acceptance as regionDetail (lib/regions). */
async function regionExists(slug: string): Promise<boolean> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return false;
  return (await prisma.region.count({ where: { slug } })) > 0;
}
