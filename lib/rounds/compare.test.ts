import { describe, expect, it } from "vitest";
import { compareDocuments } from "./compare";
import { buildSnapshotDocument, readSnapshotDocument, type SnapshotRow } from "./snapshot-document";

const municipalities = [
  { id: 1, slug: "al", name: "Ål", inSurveyScope: true },
  { id: 2, slug: "hol", name: "Hol", inSurveyScope: true },
  { id: 3, slug: "gol", name: "Gol", inSurveyScope: true },
  { id: 9, slug: "oslo", name: "Oslo", inSurveyScope: false },
];
const p = (municipalityId: number, joinedOn: string | null = null, leftOn: string | null = null) => ({ municipalityId, role: "MEMBER", joinedOn, leftOn });
const row = (id: number, extra: Partial<SnapshotRow> = {}): SnapshotRow => ({
  id,
  slug: `o${id}`,
  name: `Ordning ${id}`,
  sector: "helse",
  legalForm: "VK",
  legalFormName: "Vertskommune",
  hostMunicipalityId: 1,
  establishedYear: 2010,
  establishedPeriodFrom: null,
  endDate: null,
  participations: [p(1), p(2)],
  ...extra,
});

describe("buildSnapshotDocument", () => {
  it("keeps the arrangements and participations active on the day", () => {
    const rows = [row(1), row(2, { endDate: "2021-10-31" }), row(3, { establishedYear: 2022 }), row(4, { participations: [p(1), p(2, "2022-01-01"), p(3, null, "2021-01-01")] })];
    const doc = buildSnapshotDocument("2021-11-01", rows, municipalities);
    expect(doc.arrangements.map((a) => a.id)).toEqual([1, 4]);
    expect(doc.arrangements[1]!.participants.map((x) => x.municipalityId)).toEqual([1]);
    expect(doc.municipalities.map((m) => m.slug)).toEqual(["al", "hol", "gol"]);
    expect(readSnapshotDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });
});

describe("compareDocuments", () => {
  const then = buildSnapshotDocument("2021-11-01", [row(1), row(2), row(3)], municipalities);
  const now = buildSnapshotDocument(
    "2027-03-01",
    [row(1, { participations: [p(1), p(2), p(3)] }), row(2, { endDate: "2026-12-31" }), row(3, { legalForm: "IKS", legalFormName: "Interkommunalt selskap", hostMunicipalityId: null }), row(5)],
    municipalities,
  );

  it("finds new, ended and changed arrangements and the counts then and now", () => {
    const c = compareDocuments(then, now, { endDates: new Map([[2, "2026-12-31"]]) });
    expect(c.from).toEqual({ asOf: "2021-11-01", count: 3 });
    expect(c.to).toEqual({ asOf: "2027-03-01", count: 3 });
    expect(c.added.map((a) => a.id)).toEqual([5]);
    expect(c.ended).toEqual([{ id: 2, slug: "o2", name: "Ordning 2", endDate: "2026-12-31" }]);
    expect(c.changed.map((a) => [a.id, a.changes.map((x) => x.field)])).toEqual([
      [1, ["participants"]],
      [3, ["legalForm", "host"]],
    ]);
    expect(c.changed[0]!.joined).toEqual([3]);
    expect(c.municipalities.find((m) => m.slug === "gol")).toMatchObject({ before: 0, after: 1, difference: 1 });
    expect(c.municipalities.find((m) => m.slug === "al")).toMatchObject({ before: 3, after: 3, difference: 0 });
  });

  it("limits everything to one municipality", () => {
    const c = compareDocuments(then, now, { municipalityId: 3 });
    expect([c.from.count, c.to.count]).toEqual([0, 1]);
    expect(c.added).toEqual([]);
    expect(c.changed.map((a) => a.id)).toEqual([1]);
    expect(c.municipalities).toEqual([{ id: 3, slug: "gol", name: "Gol", before: 0, after: 1, difference: 1 }]);
  });

  it("finds nothing between a document and itself", () => {
    const c = compareDocuments(now, now);
    expect([c.added, c.ended, c.changed]).toEqual([[], [], []]);
  });
});
