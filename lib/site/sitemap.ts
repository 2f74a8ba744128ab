import "server-only";
import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/config/public-url";
import { prisma } from "@/lib/db";
import { listMunicipalities, municipalityPath } from "@/lib/municipalities";
import { listRegions } from "@/lib/regions";
import { STAT_PAGES } from "@/lib/stats/pages";

/** The public pages that are not one arrangement, municipality, region or statistics page. */
export const PUBLIC_PAGES = ["/", "/ordninger", "/kommuner", "/regioner", "/statistikk", "/kart", "/sok", "/om-dataene", "/apne-data", "/tilgjengelighet", "/personvern", "/kontakt"] as const;

/**
 * Every public address of the registry, absolute (publicBaseUrl), for app/sitemap.ts: the public
 * pages, each statistics page, and every arrangement (ended ones too: their pages stay), municipality
 * and region. Arrangements carry their last change as lastModified.
 */
export async function sitemapEntries(env?: Record<string, string | undefined>): Promise<MetadataRoute.Sitemap> {
  const [arrangements, municipalities, regions] = await Promise.all([
    prisma.arrangement.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    listMunicipalities(),
    listRegions(),
  ]);
  return [
    ...PUBLIC_PAGES.map((path) => ({ url: publicUrl(path, env) })),
    ...STAT_PAGES.map((p) => ({ url: publicUrl(`/statistikk/${p.slug}`, env) })),
    ...arrangements.map((a) => ({ url: publicUrl(`/ordninger/${a.slug}`, env), lastModified: a.updatedAt })),
    ...municipalities.map((m) => ({ url: publicUrl(municipalityPath(m), env) })),
    ...regions.map((r) => ({ url: publicUrl(`/regioner/${r.slug}`, env) })),
  ];
}
