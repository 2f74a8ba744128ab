/**
 * Who runs this registry and how to reach them, shown in the footer and on /kontakt, /personvern
 * and /tilgjengelighet. Set per installation through environment variables (README, «Konfigurasjon»):
 *
 * - `SITE_OWNER_NAME`: the owner and data controller (default: Statsforvalteren i Østfold, Buskerud,
 *   Oslo og Akershus)
 * - `SITE_OWNER_URL`: the owner's website (default https://www.statsforvalteren.no)
 * - `SITE_CONTACT_EMAIL`, `SITE_CONTACT_PHONE`, `SITE_CONTACT_ADDRESS`: optional contact points
 * - `OPEN_DATA_LICENSE_URL`, `OPEN_DATA_LICENSE_NAME`: the licence of the open data on /apne-data
 *   (default: Norsk lisens for offentlige data, NLOD 2.0)
 *
 * A value that is malformed is left out (never shown half-right) and reported in Norwegian through
 * `problems`, which siteConfig() writes to the server log once.
 */
export interface SiteConfig {
  ownerName: string;
  ownerUrl: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** The licence of the open data (/apne-data, the API, DCAT metadata). */
  license: { name: string; url: string };
}

export const DEFAULT_OWNER_NAME = "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus";
export const DEFAULT_OWNER_URL = "https://www.statsforvalteren.no";
export const DEFAULT_LICENSE = { name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "https://data.norge.no/nlod/no/2.0" };

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}$/i;
const PHONE = /^\+?[0-9][0-9 ()-]{4,22}[0-9]$/;
const MAX_TEXT = 200;

type Env = Record<string, string | undefined>;

/** Reads the site configuration from `env`; pure, for tests. */
export function readSiteConfig(env: Env = process.env): { config: SiteConfig; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.replace(/\s+/g, " ").trim();
    if (!value) return null;
    // Control characters cannot come from a sensible configuration (the \s+ above already made tabs and newlines spaces).
    if (value.length > MAX_TEXT || /[\u0000-\u001f\u007f]/.test(value)) {
      problems.push(`${name} er for lang (over ${MAX_TEXT} tegn) eller inneholder kontrolltegn, og brukes ikke.`);
      return null;
    }
    return value;
  };

  const ownerName = text("SITE_OWNER_NAME") ?? DEFAULT_OWNER_NAME;

  let ownerUrl = DEFAULT_OWNER_URL;
  const rawUrl = text("SITE_OWNER_URL");
  if (rawUrl) {
    try {
      const url = new URL(rawUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("protocol");
      ownerUrl = url.href.replace(/\/$/, "");
    } catch {
      problems.push(`SITE_OWNER_URL «${rawUrl}» er ikke en http(s)-adresse, og brukes ikke.`);
    }
  }

  let email = text("SITE_CONTACT_EMAIL");
  if (email && !EMAIL.test(email)) {
    problems.push(`SITE_CONTACT_EMAIL «${email}» er ikke en gyldig e-postadresse, og vises ikke.`);
    email = null;
  }

  let phone = text("SITE_CONTACT_PHONE");
  if (phone && !PHONE.test(phone)) {
    problems.push(`SITE_CONTACT_PHONE «${phone}» er ikke et telefonnummer (bare sifre, mellomrom, +, - og parenteser), og vises ikke.`);
    phone = null;
  }

  const address = text("SITE_CONTACT_ADDRESS");

  let license = DEFAULT_LICENSE;
  const licenseUrl = text("OPEN_DATA_LICENSE_URL");
  if (licenseUrl) {
    try {
      const url = new URL(licenseUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("protocol");
      license = { name: text("OPEN_DATA_LICENSE_NAME") ?? url.href, url: url.href };
    } catch {
      problems.push(`OPEN_DATA_LICENSE_URL «${licenseUrl}» er ikke en http(s)-adresse; NLOD 2.0 brukes.`);
    }
  } else if (text("OPEN_DATA_LICENSE_NAME")) {
    problems.push("OPEN_DATA_LICENSE_NAME er satt uten OPEN_DATA_LICENSE_URL; NLOD 2.0 brukes.");
  }

  return { config: { ownerName, ownerUrl, email, phone, address, license }, problems };
}

let reported = false;

/** The site configuration of this process; malformed values are reported to the log once. */
export function siteConfig(env: Env = process.env): SiteConfig {
  const { config, problems } = readSiteConfig(env);
  if (problems.length > 0 && !reported) {
    reported = true;
    for (const problem of problems) console.warn(`[samarbeidsregisteret] Konfigurasjon: ${problem}`);
  }
  return config;
}

/** A `tel:` link target for a configured phone number: digits and a leading +. */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}
