import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/site/sitemap";

// Read from the database on request (not at build time, when there may be no database).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}
