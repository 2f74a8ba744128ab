import { describe, expect, it } from "vitest";
import { forbiddenReason } from "./forbidden-reason";

describe("forbiddenReason: the «Ingen tilgang» page's reason per section (issue #14)", () => {
  it("names who may use each section that can answer 403", () => {
    expect(forbiddenReason("/admin")).toContain("bare for administratorene");
    expect(forbiddenReason("/admin/brukere/12")).toContain("bare for administratorene");
    expect(forbiddenReason("/admin/utboks")).toContain("bare for administratorene");
    expect(forbiddenReason("/kvalitet")).toContain("datakvalitet er bare for rådgiverne hos Statsforvalteren");
    expect(forbiddenReason("/endringsforslag")).toContain("behandles av rådgiverne hos Statsforvalteren");
    expect(forbiddenReason("/endringsforslag/17")).toContain("kommunen som sendte det");
    expect(forbiddenReason("/kartlegging/3")).toContain("Fremdriftstavlen");
    expect(forbiddenReason("/kartlegging/3/3328")).toContain("kommunens egne redaktører");
    expect(forbiddenReason("/ordninger/innkjopssamarbeid-al-hol/rediger")).toContain("redaktører for en kommune som deltar i ordningen");
    expect(forbiddenReason("/ordninger/ny")).toContain("Nye ordninger registreres");
    expect(forbiddenReason("/ordninger/ikt-hallingdal/lagret?hendelse=4")).toContain("Kvitteringen");
    expect(forbiddenReason("/kommuner/3328/import")).toContain("Kartleggingsfilen");
  });

  it("a proposal named in the query (revising it) has its own rule", () => {
    expect(forbiddenReason("/ordninger/ikt-hallingdal/rediger?forslag=9")).toContain("bare endres av den som sendte det");
    expect(forbiddenReason("/ordninger/ny?forslag=9")).toContain("bare endres av den som sendte det");
  });

  it("a trailing slash does not matter; unknown, empty and malformed paths have no specific reason", () => {
    expect(forbiddenReason("/kvalitet/")).toBe(forbiddenReason("/kvalitet"));
    expect(forbiddenReason("/ordninger")).toBeNull();
    expect(forbiddenReason("/ordninger/ikt-hallingdal")).toBeNull();
    expect(forbiddenReason("/")).toBeNull();
    expect(forbiddenReason("")).toBeNull();
    expect(forbiddenReason(null)).toBeNull();
    expect(forbiddenReason("http://[")).toBeNull();
  });
});
