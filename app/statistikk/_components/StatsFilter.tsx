import { Button, Field, Label, Input, Select, SelectOption } from "@digdir/designsystemet-react";
import { ALL_REGIONS, type RegionOption } from "@/lib/stats/params";

/** "Per dato" and region filter; a plain GET form, so the state lives in the URL and works without JavaScript. */
export function StatsFilter({ action, dato, region, regions }: { action: string; dato: string; region: string | null; regions: RegionOption[] }) {
  return (
    <form method="get" action={action} className="stats-filter" aria-label="Filtrer statistikken">
      <Field>
        <Label htmlFor="filter-dato">Per dato</Label>
        <Input id="filter-dato" type="date" name="dato" defaultValue={dato} min="1900-01-01" max="2100-12-31" />
      </Field>
      <Field>
        <Label htmlFor="filter-region">Område</Label>
        <Select id="filter-region" name="region" defaultValue={region ?? ""}>
          <SelectOption value="">De 25 kartlagte kommunene</SelectOption>
          {regions.map((r) => (
            <SelectOption key={r.slug} value={r.slug}>
              {r.name}
            </SelectOption>
          ))}
          <SelectOption value={ALL_REGIONS}>Alle kommuner i registeret</SelectOption>
        </Select>
      </Field>
      <Button type="submit" variant="primary">
        Vis statistikk
      </Button>
    </form>
  );
}
