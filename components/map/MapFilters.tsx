import { Button, Field, Label, Select, SelectOption, Textfield } from "@digdir/designsystemet-react";
import type { MapView } from "@/lib/map/view";
import type { MapQuery } from "@/lib/map/href";

/** The map's choices as a plain GET form (works without JavaScript). */
export function MapFilters({ view, query }: { view: MapView; query: MapQuery }) {
  return (
    <form method="get" action="/kart" className="kart-filters" aria-label="Velg hva kartet viser">
      {query.kommune ? <input type="hidden" name="kommune" value={query.kommune} /> : null}
      {query.dato ? <input type="hidden" name="dato" value={query.dato} /> : null}
      <Field data-size="sm">
        <Label htmlFor="kart-region">Område</Label>
        <Select id="kart-region" name="region" defaultValue={query.region ?? ""}>
          <SelectOption value="">Kommunene i kartleggingen</SelectOption>
          {view.options.regions.map((r) => (
            <SelectOption key={r.slug} value={r.slug}>
              {r.name}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label htmlFor="kart-oppgave">Oppgaveområde</Label>
        <Select id="kart-oppgave" name="oppgave" defaultValue={query.oppgave ?? ""}>
          <SelectOption value="">Alle oppgaveområder</SelectOption>
          {view.options.taskAreas.map((t) => (
            <SelectOption key={t.slug} value={t.slug}>
              {t.name}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label htmlFor="kart-sektor">Sektor</Label>
        <Select id="kart-sektor" name="sektor" defaultValue={query.sektor?.toLowerCase() ?? ""}>
          <SelectOption value="">Alle sektorer</SelectOption>
          {view.options.sectors.map((s) => (
            <SelectOption key={s.code} value={s.code.toLowerCase()}>
              {s.name}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <Textfield
        label="Minst felles ordninger"
        description="Tomt: velges slik at tegningen er lesbar"
        name="minst"
        id="kart-minst"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        defaultValue={query.minst === undefined ? "" : String(query.minst)}
        data-size="sm"
      />
      <div className="kart-filters-actions">
        <Button type="submit" data-size="sm">
          Vis kartet
        </Button>
      </div>
    </form>
  );
}
