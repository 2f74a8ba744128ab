import { describe, expect, it } from "vitest";
import { capGroups, MAX_MUNICIPALITY_OPTIONS } from "@/lib/arrangements/facets";

const option = (label: string, count: number, group: string, selected = false) => ({ value: label, label, count, group, selected });
const collator = new Intl.Collator("nb");

describe("capGroups (the municipality facet at national scale)", () => {
  it("keeps a group that fits, and leaves the 2021 registry's groups whole", () => {
    const small = [option("Ål", 3, "Kartlagte kommuner"), option("Hol", 1, "Kartlagte kommuner")];
    expect(capGroups(small, 2, collator)).toEqual({ kept: small, omitted: 0 });
    expect(MAX_MUNICIPALITY_OPTIONS).toBeGreaterThanOrEqual(134);
  });

  it("keeps the selected ones and then the most hits, and counts what it left out", () => {
    const many = Array.from({ length: 10 }, (_, i) => option(`Kommune ${i}`, i, "Andre kommuner"));
    many.push(option("Nore og Uvdal", 0, "Andre kommuner", true));
    const { kept, omitted } = capGroups(many, 4, collator);
    expect(kept.map((o) => o.label)).toEqual(["Nore og Uvdal", "Kommune 9", "Kommune 8", "Kommune 7"]);
    expect(omitted).toBe(7);
  });

  it("never drops a selected option, even when more are selected than the cap", () => {
    const selected = Array.from({ length: 5 }, (_, i) => option(`Valgt ${i}`, 0, "Kartlagte kommuner", true));
    const { kept, omitted } = capGroups([...selected, option("Øvre Eiker", 9, "Kartlagte kommuner")], 3, collator);
    expect(kept.filter((o) => o.selected)).toHaveLength(5);
    expect(omitted).toBe(1);
  });
});
