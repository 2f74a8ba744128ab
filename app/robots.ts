import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/config/public-url";

// The sitemap address comes from APP_URL at run time, not from the build.
export const dynamic = "force-dynamic";

/** Everything public may be indexed; the pages behind a login, the login itself and the API may not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/admin", "/endringsforslag", "/mine-forslag", "/logg-inn", "/logg-ut", "/ordninger/ny", "/api/"],
    },
    sitemap: publicUrl("/sitemap.xml"),
  };
}
