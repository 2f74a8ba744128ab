import "server-only";
import { publicBaseUrl } from "@/lib/config/public-url";
import { siteConfig } from "@/lib/config/site";
import { OPEN_DATA_FILES } from "./dataset";

/**
 * DCAT-AP-NO metadata for /apne-data as JSON-LD: a dcat:Catalog with one dcat:Dataset (the
 * arrangements), its three dcat:Distributions (CSV, XLSX, JSON) and the open API as a
 * dcat:DataService, in Norwegian bokmål, with the site owner as publisher and the licence URI.
 * Served at /apne-data/katalog.jsonld (for data.norge.no to harvest) and embedded in the page.
 */

const EU = "http://publications.europa.eu/resource/authority";
const nb = (value: string) => ({ "@language": "nb", "@value": value });

export function dcatCatalog(modified: string) {
  const base = publicBaseUrl();
  const site = siteConfig();
  const license = { "@id": site.license.url };
  const publisher = { "@id": site.ownerUrl, "@type": "foaf:Agent", "foaf:name": nb(site.ownerName) };
  const datasetId = `${base}/apne-data#samarbeidsordninger`;
  const contactPoint = {
    "@type": "vcard:Organization",
    "vcard:fn": site.ownerName,
    ...(site.email ? { "vcard:hasEmail": { "@id": `mailto:${site.email}` } } : {}),
    ...(site.phone ? { "vcard:hasTelephone": { "@id": `tel:${site.phone.replace(/[^0-9+]/g, "")}` } } : {}),
    "vcard:hasURL": { "@id": `${base}/kontakt` },
  };
  const distribution = (id: string, title: string, path: string, format: string, mediaType: string, conformsTo?: string) => ({
    "@id": `${base}/apne-data#${id}`,
    "@type": "dcat:Distribution",
    "dct:title": nb(title),
    "dcat:accessURL": { "@id": `${base}/apne-data` },
    "dcat:downloadURL": { "@id": `${base}${path}` },
    "dct:format": { "@id": `${EU}/file-type/${format}` },
    "dcat:mediaType": { "@id": `https://www.iana.org/assignments/media-types/${mediaType}` },
    "dct:license": license,
    ...(conformsTo ? { "dct:conformsTo": { "@id": conformsTo } } : {}),
  });
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": `${base}/apne-data#katalog`,
    "@type": "dcat:Catalog",
    "dct:title": nb("Samarbeidsregisteret – åpne data"),
    "dct:description": nb("Åpne data fra Samarbeidsregisteret, registeret over interkommunale samarbeidsordninger i Buskerud og nabokommunene."),
    "dct:publisher": publisher,
    "dct:language": { "@id": `${EU}/language/NOB` },
    "dct:license": license,
    "foaf:homepage": { "@id": `${base}/` },
    "dcat:dataset": [
      {
        "@id": datasetId,
        "@type": "dcat:Dataset",
        "dct:identifier": datasetId,
        "dct:title": nb("Interkommunale samarbeidsordninger"),
        "dct:description": nb(
          "Alle formelle interkommunale samarbeidsordninger i registeret, aktive og avsluttede: navn, sektor, oppgaveområder, juridisk form, vertskommune, deltakerkommuner, nivå, etableringsår og kilde. Datagrunnlag: NIVI Analyse 2021 for Statsforvalteren i Oslo og Viken, holdt oppdatert av kommunene.",
        ),
        "dct:publisher": publisher,
        "dcat:contactPoint": contactPoint,
        "dcat:keyword": [nb("interkommunalt samarbeid"), nb("kommuner"), nb("Buskerud"), nb("IKS"), nb("vertskommune")],
        "dcat:theme": [{ "@id": `${EU}/data-theme/GOVE` }, { "@id": `${EU}/data-theme/REGI` }],
        "dct:accessRights": { "@id": `${EU}/access-right/PUBLIC` },
        "dct:language": { "@id": `${EU}/language/NOB` },
        "dct:license": license,
        "dct:modified": { "@value": modified, "@type": "xsd:date" },
        "dct:accrualPeriodicity": { "@id": `${EU}/frequency/CONT` },
        "dcat:landingPage": { "@id": `${base}/apne-data` },
        "dcat:distribution": [
          distribution("csv", "Samarbeidsordninger som CSV (semikolon, UTF-8)", OPEN_DATA_FILES.csv, "CSV", "text/csv"),
          distribution("xlsx", "Samarbeidsordninger som Excel-fil (XLSX)", OPEN_DATA_FILES.xlsx, "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          distribution("json", "Samarbeidsordninger som JSON", OPEN_DATA_FILES.json, "JSON", "application/json", `${base}${OPEN_DATA_FILES.schema}`),
        ],
      },
    ],
    "dcat:service": [
      {
        "@id": `${base}/api/v1`,
        "@type": "dcat:DataService",
        "dct:title": nb("Samarbeidsregisteret – åpent API"),
        "dcat:endpointURL": { "@id": `${base}/api/v1` },
        "dcat:endpointDescription": { "@id": `${base}/api/v1/openapi.json` },
        "dcat:servesDataset": { "@id": datasetId },
        "dct:publisher": publisher,
        "dct:license": license,
        "dcat:contactPoint": contactPoint,
      },
    ],
  };
}
