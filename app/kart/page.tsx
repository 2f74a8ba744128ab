import type { Metadata } from "next";
import NextLink from "next/link";
import { CooperationMatrix } from "@/components/map/CooperationMatrix";
import { EgoTable } from "@/components/map/EgoTable";
import { GraphDrawing } from "@/components/map/GraphDrawing";
import { MapFilters } from "@/components/map/MapFilters";
import { MapBackground, SmallMultiples } from "@/components/map/SmallMultiples";
import "@/components/map/kart.css";
import { formatInteger, formatShortDate } from "@/lib/format";
import { loadMapView, mapHref, MATRIX_LIMIT, parseMapParams, type MapQuery } from "@/lib/map";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Kart over samarbeidet",
  description: "Hvilke kommuner samarbeider med hvem, i hvor mange ordninger: tegning, samarbeidsmatrise og små kart per oppgaveområde.",
};

export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseMapParams(await searchParams);
  const query: MapQuery = parsed.ok ? parsed.query : {};
  const view = await loadMapView(query, { empty: !parsed.ok });
  const problems = parsed.ok ? view.problems : [parsed.message];
  const scopeText = `${view.scope.label}${view.filterLabel ? ` – ${view.filterLabel}` : ""}`;
  return (
    <div className="stack kart-page">
      <h1 className="ds-heading" data-size="lg">
        Kart over samarbeidet
      </h1>
      <p className="ds-paragraph">
        En strek mellom to kommuner betyr at de deltar i de samme ordningene; jo tykkere streken er, jo flere ordninger deler de. Velg en kommune for å se bare dens samarbeidspartnere og ordningene de
        deler. Samarbeidsmatrisen under tegningen viser de samme tallene som en tabell.
      </p>
      <p className="ds-paragraph kart-note" data-testid="kart-skjematisk">
        {view.hasBoundaries
          ? "Kommunegrensene er tegnet fra filen kommunegrenser.geojson. Punktene står ved kommunesentrene."
          : view.geographic
            ? "Kartet er skjematisk: hver kommune er et punkt omtrent der kommunesenteret ligger, uten kommunegrenser. Grensene tegnes bare når administrator har lagt inn filen kommunegrenser.geojson."
            : `Kartet er skjematisk: kommunene er gruppert etter region, ikke plassert geografisk.${view.drawing.nodes.length && !view.ego && !view.drawing.groups.length ? " Med så mange regioner står ikke navnene i tegningen (de ville skrevet over hverandre); velg en region over for å se den alene." : ""} Kommunegrenser tegnes bare når administrator har lagt inn filen kommunegrenser.geojson.`}
      </p>

      <MapFilters view={view} query={query} />
      {view.multiples.background && (view.drawing.backdrop || view.multiples.items.length) ? <MapBackground path={view.multiples.background} /> : null}

      {problems.length ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <h2 className="ds-heading" data-size="xs">
            Kartet er tomt fordi valget ikke kan brukes
          </h2>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <NextLink href="/kart" className="ds-link">
            Vis hele kartet
          </NextLink>
        </div>
      ) : null}

      <p className="ds-paragraph" role="status" data-testid="kart-status">
        {scopeText}: {formatInteger(view.scope.municipalities)} kommuner og {formatInteger(view.arrangementsInScope)} ordninger per {formatShortDate(view.date)}.{" "}
        {view.ego
          ? `Viser ${view.ego.name} og ${formatInteger(view.ego.partners.length)} samarbeidspartnere.`
          : view.links.total
            ? `Tegningen viser ${formatInteger(view.links.drawn)} av ${formatInteger(view.links.total)} forbindelser${view.links.minWeight > 1 ? `, de med minst ${formatInteger(view.links.minWeight)} felles ordninger` : ""}${view.links.capped ? " (de sterkeste)" : ""}.`
            : "Ingen forbindelser."}
        {!view.ego && view.drawing.backdrop ? ` Kommuner uten en tegnet forbindelse er grå prikker; velg en region for å kunne velge hver av dem.` : null}
      </p>

      <section className="stack" aria-labelledby="kart-tegning-tittel">
        <h2 className="ds-heading" data-size="sm" id="kart-tegning-tittel">
          {view.ego ? `${view.ego.name} og samarbeidspartnerne` : "Hvem samarbeider med hvem"}
        </h2>
        <p className="ds-paragraph" data-size="sm" id="kart-tastatur">
          {view.ego ? `${view.ego.name} står i midten, samarbeidspartnerne rundt, de som deler flest ordninger først (fra toppen, med klokka). ` : ""}
          Med tastatur: Tab går inn i tegningen, piltastene flytter mellom kommunene, Enter velger kommunen.
        </p>
        {view.drawing.nodes.length ? <GraphDrawing data={view.drawing} query={query} /> : null}
        {view.ego ? (
          <p className="ds-paragraph">
            <NextLink href={mapHref(query, { kommune: undefined })} scroll={false} className="ds-link">
              Tilbake til alle kommunene
            </NextLink>{" "}
            ·{" "}
            <NextLink href={view.ego.path} className="ds-link">
              Gå til siden for {view.ego.name}
            </NextLink>
          </p>
        ) : null}
      </section>

      {view.ego ? (
        <section className="stack" aria-labelledby="kart-ego-tittel">
          <h2 className="ds-heading" data-size="sm" id="kart-ego-tittel">
            {view.ego.name} samarbeider med {formatInteger(view.ego.partners.length)} kommuner i {formatInteger(view.ego.arrangementCount)} ordninger
          </h2>
          <EgoTable ego={view.ego} query={query} />
        </section>
      ) : null}

      <section className="stack" aria-labelledby="kart-matrise-tittel">
        <h2 className="ds-heading" data-size="sm" id="kart-matrise-tittel">
          Samarbeidsmatrise
        </h2>
        {view.matrix ? (
          <>
            <p className="ds-paragraph" data-size="sm">
              Antall felles ordninger for hvert par av kommuner i området. Mørkere farge betyr flere felles ordninger; tallet står alltid i cellen. Velg en kommune i første kolonne for å se dens
              samarbeidspartnere.
            </p>
            <CooperationMatrix matrix={view.matrix} query={query} chosen={view.ego?.slug ?? null} />
          </>
        ) : (
          <>
            <p className="ds-paragraph" data-size="sm">
              Matrisen vises for inntil {MATRIX_LIMIT} kommuner; området har {formatInteger(view.scope.municipalities)}. Velg en region over for å se matrisen. Her er de sterkeste forbindelsene.
            </p>
            {view.strongest.length ? (
              <div className="table-scroll" tabIndex={0} role="region" aria-label="De sterkeste forbindelsene">
                <table className="ds-table" data-size="sm">
                  <caption className="visually-hidden">De sterkeste forbindelsene</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kommuner</th>
                      <th scope="col" className="registry-number">
                        Felles ordninger
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.strongest.map((s) => (
                      <tr key={`${s.a}-${s.b}`}>
                        <th scope="row">
                          {s.a} – {s.b}
                        </th>
                        <td className="registry-number">{formatInteger(s.weight)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        )}
      </section>

      {view.multiples.items.length && view.scope.municipalities ? (
        <section className="stack" aria-labelledby="kart-sma-tittel">
          <h2 className="ds-heading" data-size="sm" id="kart-sma-tittel">
            Hvem samarbeider om hva
          </h2>
          <p className="ds-paragraph" data-size="sm">
            Rapportens små kart (NIVI 2021, figur 5.2–5.17), her fra registeret i dag: ett kart per oppgaveområde for {view.scope.label.toLowerCase()}. Mørke punkter er kommuner som samarbeider om
            oppgaven, og en strek binder sammen kommuner i samme ordning.
          </p>
          <SmallMultiples multiples={view.multiples} query={query} />
        </section>
      ) : null}
    </div>
  );
}
