import { describe, expect, it } from "vitest";
import { DEFAULT_LICENSE, DEFAULT_OWNER_NAME, DEFAULT_OWNER_URL, phoneHref, readSiteConfig } from "./site";

describe("readSiteConfig", () => {
  it("defaults to Statsforvalteren with no contact points", () => {
    expect(readSiteConfig({})).toEqual({
      config: { ownerName: DEFAULT_OWNER_NAME, ownerUrl: DEFAULT_OWNER_URL, email: null, phone: null, address: null, license: DEFAULT_LICENSE },
      problems: [],
    });
    expect(DEFAULT_OWNER_NAME).toBe("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
  });

  it("reads owner and contact points, trimmed and with whitespace collapsed", () => {
    const { config, problems } = readSiteConfig({
      SITE_OWNER_NAME: "  Ål   kommune ",
      SITE_OWNER_URL: "https://www.al.kommune.no/",
      SITE_CONTACT_EMAIL: " postmottak@al.kommune.no ",
      SITE_CONTACT_PHONE: "+47 32 08 50 00",
      SITE_CONTACT_ADDRESS: "Torget 8,\n3570 Ål",
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      ownerName: "Ål kommune",
      ownerUrl: "https://www.al.kommune.no",
      email: "postmottak@al.kommune.no",
      phone: "+47 32 08 50 00",
      address: "Torget 8, 3570 Ål",
      license: DEFAULT_LICENSE,
    });
  });

  it("reads a configured open-data licence, and falls back to NLOD 2.0 for a bad one", () => {
    expect(readSiteConfig({ OPEN_DATA_LICENSE_URL: "https://creativecommons.org/licenses/by/4.0/", OPEN_DATA_LICENSE_NAME: "CC BY 4.0" }).config.license).toEqual({
      name: "CC BY 4.0",
      url: "https://creativecommons.org/licenses/by/4.0/",
    });
    const bad = readSiteConfig({ OPEN_DATA_LICENSE_URL: "ftp://x" });
    expect(bad.config.license).toEqual(DEFAULT_LICENSE);
    expect(bad.problems[0]).toMatch(/OPEN_DATA_LICENSE_URL/);
  });

  it("treats empty values as unset", () => {
    const { config, problems } = readSiteConfig({ SITE_OWNER_NAME: "   ", SITE_CONTACT_EMAIL: "", SITE_CONTACT_PHONE: " " });
    expect(config.ownerName).toBe(DEFAULT_OWNER_NAME);
    expect(config.email).toBeNull();
    expect(config.phone).toBeNull();
    expect(problems).toEqual([]);
  });

  it("leaves out malformed values and says why in Norwegian", () => {
    const { config, problems } = readSiteConfig({
      SITE_OWNER_URL: "javascript:alert(1)",
      SITE_CONTACT_EMAIL: "ikke-en-adresse",
      SITE_CONTACT_PHONE: "ring oss",
      SITE_CONTACT_ADDRESS: "x".repeat(201),
    });
    expect(config).toEqual({ ownerName: DEFAULT_OWNER_NAME, ownerUrl: DEFAULT_OWNER_URL, email: null, phone: null, address: null, license: DEFAULT_LICENSE });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain("SITE_OWNER_URL");
    expect(problems.join("\n")).toMatch(/ikke en gyldig e-postadresse/);
    expect(problems.join("\n")).toMatch(/ikke et telefonnummer/);
    expect(problems.join("\n")).toMatch(/for lang/);
  });

  it("refuses e-mail addresses that would break out of a mailto: link", () => {
    expect(readSiteConfig({ SITE_CONTACT_EMAIL: "a@b.no?cc=x@y.no" }).config.email).toBeNull();
    expect(readSiteConfig({ SITE_CONTACT_EMAIL: "<a@b.no>" }).config.email).toBeNull();
  });
});

describe("phoneHref", () => {
  it("keeps only digits and +", () => {
    expect(phoneHref("+47 32 08 50 00")).toBe("tel:+4732085000");
    expect(phoneHref("(22) 00-33-44")).toBe("tel:22003344");
  });
});
