import { describe, expect, it } from "vitest";
import { establishedFromYear, hasArrangementEndedBefore, isArrangementActiveOn, isCurrent, isParticipationActiveOn, isParticipationCurrentOrUpcoming, isValidOn } from "./activity";
import { ESTABLISHED_PERIODS, establishedLabel, establishedPeriodOf, establishmentBucketOf, ESTABLISHMENT_PERIODS, isEstablishedWithin, type EstablishmentFacts } from "./establishment";
import { LEVEL_LABELS, LEVEL_NAMES, LEVEL_TITLES, LEVELS, levelOf } from "./levels";
import { PARTICIPATION_ROLE_LABELS, participationRoleInText, USER_ROLE_LABELS } from "./roles";
import { currentYearInNorway, isoDateOf, todayInNorway, yearOf } from "./today";

describe("todayInNorway", () => {
  it.each([
    // Winter time (CET, UTC+1): the day changes at 23:00 UTC.
    ["2026-12-31T22:59:59Z", "2026-12-31"],
    ["2026-12-31T23:00:00Z", "2027-01-01"],
    ["2026-12-31T23:30:00Z", "2027-01-01"],
    ["2027-01-01T00:30:00Z", "2027-01-01"],
    // Summer time (CEST, UTC+2): the day changes at 22:00 UTC.
    ["2026-06-30T21:59:59Z", "2026-06-30"],
    ["2026-06-30T22:00:00Z", "2026-07-01"],
    // Spring forward 29 March 2026 01:00 UTC: the evening before is still CET.
    ["2026-03-28T22:59:59Z", "2026-03-28"],
    ["2026-03-28T23:00:00Z", "2026-03-29"],
    ["2026-03-29T21:59:59Z", "2026-03-29"],
    ["2026-03-29T22:00:00Z", "2026-03-30"],
    // Fall back 25 October 2026 01:00 UTC: the evening before is still CEST.
    ["2026-10-24T21:59:59Z", "2026-10-24"],
    ["2026-10-24T22:00:00Z", "2026-10-25"],
    ["2026-10-25T22:59:59Z", "2026-10-25"],
    ["2026-10-25T23:00:00Z", "2026-10-26"],
    // The survey date.
    ["2021-10-31T23:30:00Z", "2021-11-01"],
  ])("at %s it is %s in Norway", (instant, day) => {
    expect(todayInNorway(new Date(instant))).toBe(day);
  });

  it("gives the year in Norway, not in UTC", () => {
    expect(currentYearInNorway(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(currentYearInNorway(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    expect(yearOf("2015-01-01")).toBe(2015);
  });

  it("formats a stored DATE column (midnight UTC) as its own day", () => {
    expect(isoDateOf(new Date("2023-06-30T00:00:00Z"))).toBe("2023-06-30");
    expect(isoDateOf(null)).toBeNull();
  });
});

describe("as-of activity", () => {
  const known = (year: number | null, endDate: string | null = null) => ({ establishedYear: year, establishedPeriodFrom: null, endDate });
  const periodOnly = { establishedYear: null, establishedPeriodFrom: 2015, endDate: null };

  it("an arrangement with a known year exists from 1 January of that year", () => {
    expect(isArrangementActiveOn(known(2011), "2010-12-31")).toBe(false);
    expect(isArrangementActiveOn(known(2011), "2011-01-01")).toBe(true);
  });

  it("a period-only arrangement (Tabell 2.2, 2015–2021) exists from the start of its period", () => {
    expect(establishedFromYear(periodOnly)).toBe(2015);
    expect(isArrangementActiveOn(periodOnly, "2010-01-01")).toBe(false);
    expect(isArrangementActiveOn(periodOnly, "2014-12-31")).toBe(false);
    expect(isArrangementActiveOn(periodOnly, "2015-01-01")).toBe(true);
    expect(isArrangementActiveOn(periodOnly, "2021-12-31")).toBe(true);
    expect(isArrangementActiveOn(periodOnly, "2022-01-01")).toBe(true);
  });

  it("a known year wins over a period; with neither, the start does not exclude it", () => {
    expect(establishedFromYear({ establishedYear: 2018, establishedPeriodFrom: 2015 })).toBe(2018);
    expect(isArrangementActiveOn({ establishedYear: 2018, establishedPeriodFrom: 2015, endDate: null }, "2016-06-01")).toBe(false);
    expect(isArrangementActiveOn(known(null), "1900-01-01")).toBe(true);
  });

  it("the end date is the last active day", () => {
    const ended = known(2000, "2023-06-30");
    expect(isArrangementActiveOn(ended, "2023-06-30")).toBe(true);
    expect(isArrangementActiveOn(ended, "2023-07-01")).toBe(false);
    expect(hasArrangementEndedBefore(ended, "2023-06-30")).toBe(false);
    expect(hasArrangementEndedBefore(ended, "2023-07-01")).toBe(true);
    expect(isArrangementActiveOn({ ...ended, endDate: new Date("2023-06-30T00:00:00Z") }, "2023-06-30")).toBe(true);
  });

  it("a participation is active from joinedOn to leftOn, both inclusive", () => {
    const p = { joinedOn: "2020-06-01", leftOn: "2021-12-31" };
    expect(["2020-05-31", "2020-06-01", "2021-12-31", "2022-01-01"].map((d) => isParticipationActiveOn(p, d))).toEqual([false, true, true, false]);
    expect(isParticipationActiveOn({ joinedOn: null, leftOn: null }, "1990-01-01")).toBe(true);
    expect(isParticipationActiveOn({ joinedOn: new Date("2020-06-01T00:00:00Z"), leftOn: null }, "2020-06-01")).toBe(true);
  });

  it("the change pipeline's participant has not left by the day (also one joining later)", () => {
    expect(isParticipationCurrentOrUpcoming({ leftOn: null }, "2027-01-01")).toBe(true);
    expect(isParticipationCurrentOrUpcoming({ leftOn: "2026-12-31" }, "2027-01-01")).toBe(false);
    expect(isParticipationCurrentOrUpcoming({ leftOn: "2027-01-01" }, "2027-01-01")).toBe(true);
  });

  it("a code or county membership is valid from validFrom to validTo, both inclusive; current = no validTo", () => {
    const code = { validFrom: "2020-01-01", validTo: "2023-12-31" };
    expect(["2019-12-31", "2020-01-01", "2023-12-31", "2024-01-01"].map((d) => isValidOn(code, d))).toEqual([false, true, true, false]);
    expect(isCurrent(code)).toBe(false);
    expect(isCurrent({ validTo: null })).toBe(true);
  });
});

describe("levels", () => {
  it("classifies by participant count: ≤ 3 lokalt, ≤ 8 regionalt, more høyere", () => {
    expect([1, 2, 3, 4, 8, 9, 63].map(levelOf)).toEqual(["lokalt", "lokalt", "lokalt", "regionalt", "regionalt", "hoyere", "hoyere"]);
  });

  it("writes labels from the thresholds", () => {
    expect(LEVELS.map((l) => l.id)).toEqual(["lokalt", "regionalt", "hoyere"]);
    expect(LEVEL_LABELS).toEqual({ lokalt: "Lokalt (2–3 kommuner)", regionalt: "Regionalt (4–8 kommuner)", hoyere: "Høyere nivå (9 eller flere)" });
    expect(LEVEL_NAMES).toEqual({ lokalt: "Lokalt", regionalt: "Regionalt", hoyere: "Høyere nivå" });
    expect(LEVEL_TITLES.hoyere).toBe("Samarbeid på høyere nivå (9 eller flere kommuner)");
    expect(LEVELS.map((l) => l.range)).toEqual(["2–3 kommuner", "4–8 kommuner", "9 eller flere kommuner"]);
  });
});

describe("establishment periods", () => {
  const facts = (over: Partial<EstablishmentFacts>): EstablishmentFacts => ({ establishedYear: null, establishedPeriodFrom: null, establishedPeriodTo: null, establishedUnspecified: false, ...over });

  it("registry periods (facet etablert): a year, else the end of the period", () => {
    const cases: [Partial<EstablishmentFacts>, string][] = [
      [{ establishedYear: 2022 }, "etter-2021"],
      [{ establishedYear: 2021 }, "2015-2021"],
      [{ establishedYear: 2015 }, "2015-2021"],
      [{ establishedYear: 2014 }, "2000-2014"],
      [{ establishedYear: 2000 }, "2000-2014"],
      [{ establishedYear: 1999 }, "for-2000"],
      [{ establishedPeriodFrom: 2015, establishedPeriodTo: 2021 }, "2015-2021"],
      [{ establishedUnspecified: true }, "uspesifisert"],
      [{}, "ukjent"],
    ];
    for (const [over, period] of cases) expect(establishedPeriodOf(facts(over))).toBe(period);
    expect(ESTABLISHED_PERIODS.map((p) => p.label)).toEqual(["2022 eller senere", "2015–2021", "2000–2014", "Før 2000", "Over lenger tid (uspesifisert)", "Ukjent"]);
  });

  it("statistics buckets (Tabell 2.1): a period decides only when wholly inside one bucket", () => {
    const cases: [Partial<EstablishmentFacts>, string][] = [
      [{ establishedYear: 2022 }, "2015-"],
      [{ establishedYear: 2015 }, "2015-"],
      [{ establishedYear: 2014 }, "2000-2014"],
      [{ establishedYear: 1999 }, "before-2000"],
      [{ establishedPeriodFrom: 2015, establishedPeriodTo: 2021 }, "2015-"],
      [{ establishedPeriodFrom: 2000, establishedPeriodTo: 2014 }, "2000-2014"],
      [{ establishedPeriodFrom: 2010, establishedPeriodTo: 2016 }, "period-only"],
      [{ establishedPeriodTo: 1999 }, "before-2000"],
      [{ establishedUnspecified: true }, "unspecified"],
      [{}, "not-registered"],
    ];
    for (const [over, bucket] of cases) expect(establishmentBucketOf(facts(over))).toBe(bucket);
    expect(ESTABLISHMENT_PERIODS.map((p) => p.apiKey)).toEqual(["2015-", "2000-2014", "for-2000", "uspesifisert", "periode-uten-aar", "ikke-registrert"]);
  });

  it("new within [from, to]: a year inside, or a period wholly inside", () => {
    expect(isEstablishedWithin(facts({ establishedYear: 2016 }), 2015, 2021)).toBe(true);
    expect(isEstablishedWithin(facts({ establishedPeriodFrom: 2015, establishedPeriodTo: 2021 }), 2015, 2021)).toBe(true);
    expect(isEstablishedWithin(facts({ establishedPeriodFrom: 2015, establishedPeriodTo: 2021 }), 2015, 2020)).toBe(false);
    expect(isEstablishedWithin(facts({ establishedYear: 2014 }), 2015, 2021)).toBe(false);
  });

  it("labels the establishment", () => {
    expect(establishedLabel(facts({ establishedYear: 2004 }))).toBe("2004");
    expect(establishedLabel(facts({ establishedPeriodFrom: 2015, establishedPeriodTo: 2021 }))).toBe("2015–2021");
    expect(establishedLabel(facts({ establishedPeriodTo: 1999 }))).toBe("før 2000");
    expect(establishedLabel(facts({ establishedUnspecified: true }))).toBe("Over lenger tid");
    expect(establishedLabel(facts({}))).toBe("Ukjent");
  });
});

describe("roles", () => {
  it("labels participation roles and user roles", () => {
    expect(PARTICIPATION_ROLE_LABELS).toEqual({ MEMBER: "Deltaker", OWNER: "Eier", BUYER: "Kjøper tjenester" });
    expect(participationRoleInText("BUYER")).toBe("kjøper tjenester");
    expect(USER_ROLE_LABELS).toEqual({ KOMMUNE: "Kommune (redaktør)", STATSFORVALTER: "Statsforvalteren (rådgiver)", ADMIN: "Administrator" });
  });
});
