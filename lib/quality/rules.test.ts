import { describe, expect, it } from "vitest";
import { checkArrangement, hasRequiredNameWording, type QualityArrangement, type QualityContext, QUALITY_RULES, qualityRule } from "./rules";

/** A hand-made arrangement with nothing to warn about: a host-municipality cooperation with everything registered. */
const clean: QualityArrangement = {
  id: 1,
  slug: "barnevern-testdalen",
  name: "Barnevern Testdalen",
  shortName: null,
  legalForm: { code: "HOST_ADMIN", outdated: false, inferred: false },
  hostMunicipalityId: 10,
  participantIds: [10, 11, 12],
  namedParticipantCount: 3,
  statedParticipantCount: null,
  orgNr: null,
  establishedYear: 2012,
  taskAreaSlugs: ["barnevern"],
  staffingYears: [2021],
  agreement: { date: "2012-01-01", revisedDate: null, url: null, hasFile: false },
};
const noRound: QualityContext = { lastClosedRound: null };
const with_ = (patch: Partial<QualityArrangement>): QualityArrangement => ({ ...clean, ...patch });
const codes = (a: QualityArrangement, ctx = noRound) => checkArrangement(a, ctx).map((f) => f.code);
const fires = (code: string, a: QualityArrangement, ctx = noRound) => qualityRule(code)!.check(a, ctx) !== null;

describe("quality rules", () => {
  it("every rule has a unique stable code, a title, an explanation and a legal basis", () => {
    expect(new Set(QUALITY_RULES.map((r) => r.code)).size).toBe(QUALITY_RULES.length);
    for (const r of QUALITY_RULES) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.explanation.length).toBeGreaterThan(40);
      expect(r.legalBasis.length).toBeGreaterThan(5);
    }
  });

  it("a complete arrangement has no findings", () => {
    expect(codes(clean)).toEqual([]);
  });

  it("vertskommune-mangler: host forms without a host; not for agreement-based cooperation", () => {
    expect(fires("vertskommune-mangler", with_({ hostMunicipalityId: null }))).toBe(true);
    expect(fires("vertskommune-mangler", with_({ hostMunicipalityId: null, legalForm: { code: "HOST_BOARD", outdated: false, inferred: false } }))).toBe(true);
    expect(fires("vertskommune-mangler", with_({ hostMunicipalityId: null, legalForm: { code: "AGREEMENT", outdated: false, inferred: false } }))).toBe(false);
  });

  it("vertskommune-ikke-deltaker: a host that is not among today's participants", () => {
    expect(fires("vertskommune-ikke-deltaker", with_({ hostMunicipalityId: 99 }))).toBe(true);
    expect(fires("vertskommune-ikke-deltaker", clean)).toBe(false);
    expect(fires("vertskommune-ikke-deltaker", with_({ hostMunicipalityId: null }))).toBe(false);
  });

  it("juridisk-form-mangler and juridisk-form-utledet", () => {
    expect(codes(with_({ legalForm: null }))).toContain("juridisk-form-mangler");
    expect(codes(with_({ legalForm: { code: "HOST_ADMIN", outdated: false, inferred: true } }))).toEqual(["juridisk-form-utledet"]);
  });

  it("avviklet-form: an old § 27 board still registered", () => {
    expect(codes(with_({ legalForm: { code: "OLD_27", outdated: true, inferred: false }, hostMunicipalityId: null }))).toEqual(["avviklet-form"]);
  });

  it("navn-mangler-betegnelse: IPR and KO names need the wording or the abbreviation", () => {
    const ipr = { code: "IPR", outdated: false, inferred: false };
    const ko = { code: "KO", outdated: false, inferred: false };
    const base = { hostMunicipalityId: null, taskAreaSlugs: [] };
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ipr, name: "Drammensregionen IKPR" }))).toBe(true);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ipr, name: "Regionrådet for Hallingdal IPR" }))).toBe(false);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ipr, name: "Hadeland interkommunalt politisk råd" }))).toBe(false);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ko, name: "SuksIT" }))).toBe(true);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ko, name: "SuksIT", shortName: "KO SuksIT" }))).toBe(false);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ko, name: "Kraftkompetanse Kommunalt Oppgåvefellesskap" }))).toBe(false);
    expect(fires("navn-mangler-betegnelse", with_({ ...base, legalForm: ko, name: "Kongsbergregionens kommunale oppgavefellesskap for tjenesteutvikling" }))).toBe(false);
    // The abbreviation counts only as a word of its own.
    expect(hasRequiredNameWording("KO", "Kommunekor")).toBe(false);
    expect(hasRequiredNameWording("KO", "Innkjøp (KO)")).toBe(true);
    expect(hasRequiredNameWording("AS", "Hva som helst")).toBe(true);
  });

  it("orgnr-mangler for IKS and AS; orgnr-ugyldig for a failing check digit", () => {
    const iks = { legalForm: { code: "IKS", outdated: false, inferred: false }, hostMunicipalityId: null };
    expect(codes(with_({ ...iks, orgNr: null }))).toEqual(["orgnr-mangler"]);
    expect(codes(with_({ ...iks, orgNr: "974760673" }))).toEqual([]);
    expect(codes(with_({ ...iks, orgNr: "974760674" }))).toEqual(["orgnr-ugyldig"]);
    expect(fires("orgnr-mangler", with_({ legalForm: { code: "AS", outdated: false, inferred: false }, orgNr: null }))).toBe(true);
    expect(fires("orgnr-mangler", with_({ orgNr: null }))).toBe(false);
  });

  it("avtale-mangler: where the law requires a written agreement, any of date, link or file registers it", () => {
    const none = { date: null, revisedDate: null, url: null, hasFile: false };
    expect(fires("avtale-mangler", with_({ agreement: none }))).toBe(true);
    expect(qualityRule("avtale-mangler")!.check(with_({ agreement: none }), noRound)).toContain("§ 20-4");
    expect(fires("avtale-mangler", with_({ agreement: { ...none, url: "https://example.no/avtale.pdf" } }))).toBe(false);
    expect(fires("avtale-mangler", with_({ agreement: { ...none, hasFile: true } }))).toBe(false);
    expect(fires("avtale-mangler", with_({ agreement: none, legalForm: { code: "IKS", outdated: false, inferred: false }, orgNr: "974760673" }))).toBe(true);
    expect(fires("avtale-mangler", with_({ agreement: none, legalForm: { code: "AGREEMENT", outdated: false, inferred: false } }))).toBe(false);
  });

  it("etableringsaar-ukjent", () => {
    expect(codes(with_({ establishedYear: null }))).toEqual(["etableringsaar-ukjent"]);
  });

  it("aarsverk-mangler: only for the services the report's staffing tables cover", () => {
    expect(codes(with_({ staffingYears: [] }))).toEqual(["aarsverk-mangler"]);
    expect(fires("aarsverk-mangler", with_({ staffingYears: [], taskAreaSlugs: ["ikt"] }))).toBe(false);
    expect(fires("aarsverk-mangler", with_({ staffingYears: [], taskAreaSlugs: ["ppt"] }))).toBe(true);
  });

  it("deltakerliste-ufullstendig: a stated count larger than the named list", () => {
    expect(codes(with_({ statedParticipantCount: 37 }))).toEqual(["deltakerliste-ufullstendig"]);
    expect(codes(with_({ statedParticipantCount: 3 }))).toEqual([]);
  });

  it("ikke-bekreftet: not applicable until a round has closed; then every unconfirmed arrangement in its scope", () => {
    expect(fires("ikke-bekreftet", clean, noRound)).toBe(false);
    const asked = new Set([11, 40]);
    const round = { lastClosedRound: { name: "Kartlegging 2027", confirmedArrangementIds: new Set([2]), municipalityIds: asked } };
    expect(qualityRule("ikke-bekreftet")!.check(clean, round)).toBe("Ordningen ble ikke bekreftet i «Kartlegging 2027».");
    expect(fires("ikke-bekreftet", clean, { lastClosedRound: { name: "Kartlegging 2027", confirmedArrangementIds: new Set([1]), municipalityIds: asked } })).toBe(false);
    // None of its participants was asked in the round: not the round's business.
    expect(fires("ikke-bekreftet", clean, { lastClosedRound: { name: "Kartlegging 2027", confirmedArrangementIds: new Set(), municipalityIds: new Set([99]) } })).toBe(false);
  });
});
