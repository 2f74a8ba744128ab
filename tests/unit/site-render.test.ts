import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContactDetails, ContactSentence } from "@/components/site/ContactDetails";
import { readSiteConfig } from "@/lib/config/site";

const configured = readSiteConfig({
  SITE_OWNER_NAME: "Ål kommune",
  SITE_OWNER_URL: "https://www.al.kommune.no",
  SITE_CONTACT_EMAIL: "postmottak@al.kommune.no",
  SITE_CONTACT_PHONE: "+47 32 08 50 00",
  SITE_CONTACT_ADDRESS: "Torget 8, 3570 Ål",
}).config;
const bare = readSiteConfig({}).config;

describe("ContactDetails", () => {
  it("shows every configured contact point as a link where one makes sense", () => {
    const html = renderToStaticMarkup(createElement(ContactDetails, { site: configured }));
    expect(html).toContain("<dd>Ål kommune</dd>");
    expect(html).toContain('href="mailto:postmottak@al.kommune.no"');
    expect(html).toContain('href="tel:+4732085000"');
    expect(html).toContain("<dd>Torget 8, 3570 Ål</dd>");
    expect(html).toContain('href="https://www.al.kommune.no"');
  });

  it("leaves out what is not configured and still names the owner and website", () => {
    const html = renderToStaticMarkup(createElement(ContactDetails, { site: bare }));
    expect(html).toContain("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
    expect(html).not.toContain("mailto:");
    expect(html).not.toContain("tel:");
    expect(html).not.toContain("Adresse");
    expect(html).toContain('href="https://www.statsforvalteren.no"');
  });
});

describe("ContactSentence", () => {
  it("asks people to write when there is an e-mail address, otherwise points to the website", () => {
    expect(renderToStaticMarkup(createElement(ContactSentence, { site: configured }))).toMatch(/Skriv til .*postmottak@al\.kommune\.no.* eller ring .*\+47 32 08 50 00/);
    expect(renderToStaticMarkup(createElement(ContactSentence, { site: bare }))).toMatch(/Kontakt Statsforvalteren i Østfold, Buskerud, Oslo og Akershus gjennom .*www\.statsforvalteren\.no/);
  });
});
