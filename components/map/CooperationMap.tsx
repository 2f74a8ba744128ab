"use client";

import NextLink from "next/link";
import { useMemo, useState, type KeyboardEvent } from "react";
import { Button, Details, DetailsContent, DetailsSummary, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { MapData } from "@/lib/map";

type Selection = { kind: "node"; id: number } | { kind: "link"; key: string } | null;

const numberFormat = new Intl.NumberFormat("nb-NO");
const LIST_LIMIT = 50;

/**
 * The cooperation map: municipalities at their position, lines between those that share
 * arrangements (thicker = more shared). Every municipality is a focusable button; the tables
 * below are the full list alternative. Selecting a municipality or a connection lists the arrangements.
 */
export function CooperationMap({ data }: { data: MapData }) {
  const [selection, setSelection] = useState<Selection>(null);
  const nodeById = useMemo(() => new Map(data.nodes.map((n) => [n.id, n])), [data.nodes]);
  const arrangementById = useMemo(() => new Map(data.arrangements.map((a) => [a.id, a])), [data.arrangements]);
  const maxWeight = Math.max(1, ...data.links.map((l) => l.weight));
  const maxValue = Math.max(1, ...data.polygons.map((p) => p.value));
  const selectedNode = selection?.kind === "node" ? nodeById.get(selection.id) : undefined;
  const selectedLink = selection?.kind === "link" ? data.links.find((l) => l.key === selection.key) : undefined;
  const related = (nodeId: number) => data.links.filter((l) => l.a === nodeId || l.b === nodeId);
  const name = (id: number) => nodeById.get(id)?.name ?? "";
  const activate = (event: KeyboardEvent, action: () => void) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  };
  const drawnLinks = data.links.slice(0, 4000);

  const arrangementList = (ids: number[]) => (
    <ul className="ds-list">
      {ids.map((id) => {
        const a = arrangementById.get(id);
        return a ? (
          <li key={id}>
            <NextLink href={`/ordninger/${a.slug}`} className="ds-link">
              {a.name}
            </NextLink>
          </li>
        ) : null;
      })}
    </ul>
  );

  return (
    <div className="stack">
      <div className="map-frame">
        <svg viewBox={`0 0 ${data.width} ${data.height}`} className="map-svg" role="group" aria-label="Kart over kommunene og samarbeidet mellom dem">
          <title>Kart over interkommunalt samarbeid</title>
          {data.polygons.map((p) => (
            <path key={p.code} d={p.path} className="map-polygon" style={{ fillOpacity: p.value ? 0.12 + 0.6 * (p.value / maxValue) : 0.04 }} aria-hidden="true" />
          ))}
          <g aria-hidden="true">
            {drawnLinks.map((l) => {
              const a = nodeById.get(l.a);
              const b = nodeById.get(l.b);
              if (!a || !b) return null;
              const active = selectedLink?.key === l.key || (selectedNode && (l.a === selectedNode.id || l.b === selectedNode.id));
              return (
                <line
                  key={l.key}
                  x1={a.x}
                  y1={a.y}
                  x2={b.x}
                  y2={b.y}
                  className={active ? "map-link map-link--active" : "map-link"}
                  strokeWidth={1 + 7 * (l.weight / maxWeight)}
                  onClick={() => setSelection({ kind: "link", key: l.key })}
                >
                  <title>{`${a.name} – ${b.name}: ${l.weight} felles`}</title>
                </line>
              );
            })}
          </g>
          {data.nodes.map((n) => {
            const selected = selectedNode?.id === n.id;
            const r = n.count ? 4 + Math.min(10, Math.sqrt(n.count) * 1.5) : 3;
            return (
              <g
                key={n.id}
                role="button"
                tabIndex={0}
                aria-label={`${n.name}: ${numberFormat.format(n.count)} ordninger`}
                aria-pressed={selected}
                className={selected ? "map-node map-node--selected" : n.count ? "map-node" : "map-node map-node--empty"}
                onClick={() => setSelection({ kind: "node", id: n.id })}
                onKeyDown={(e) => activate(e, () => setSelection({ kind: "node", id: n.id }))}
              >
                <circle cx={n.x} cy={n.y} r={r} />
                {n.surveyed || selected ? (
                  <text x={n.x + r + 3} y={n.y + 4} aria-hidden="true">
                    {n.name}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>

      <section aria-live="polite" aria-labelledby="valgt" className="stack map-selection">
        <Heading level={2} data-size="sm" id="valgt">
          {selectedNode
            ? `${selectedNode.name}: ${numberFormat.format(selectedNode.count)} ordninger i utvalget`
            : selectedLink
              ? `${name(selectedLink.a)} og ${name(selectedLink.b)}: ${numberFormat.format(selectedLink.weight)} felles ordninger`
              : "Velg en kommune eller en forbindelse"}
        </Heading>
        {selectedNode ? (
          <>
            {arrangementList(selectedNode.arrangementIds)}
            <Paragraph>
              <NextLink href={`/kommuner/${selectedNode.code ?? selectedNode.slug}`} className="ds-link">
                Gå til siden for {selectedNode.name}
              </NextLink>
            </Paragraph>
            {related(selectedNode.id).length ? (
              <Details>
                <DetailsSummary>Samarbeidspartnere ({related(selectedNode.id).length})</DetailsSummary>
                <DetailsContent>
                  <ul className="ds-list">
                    {related(selectedNode.id).map((l) => (
                      <li key={l.key}>
                        <Button variant="tertiary" data-size="sm" onClick={() => setSelection({ kind: "link", key: l.key })}>
                          {name(l.a === selectedNode.id ? l.b : l.a)}: {l.weight} felles
                        </Button>
                      </li>
                    ))}
                  </ul>
                </DetailsContent>
              </Details>
            ) : null}
          </>
        ) : selectedLink ? (
          arrangementList(selectedLink.arrangementIds)
        ) : (
          <Paragraph>Klikk eller trykk Enter på en kommune i kartet, eller bruk listene under.</Paragraph>
        )}
      </section>

      <section aria-labelledby="forbindelser" className="stack">
        <Heading level={2} data-size="sm" id="forbindelser">
          Forbindelser ({numberFormat.format(data.links.length)})
        </Heading>
        <Paragraph data-size="sm">Kommunepar som deltar i de samme ordningene, flest felles først.</Paragraph>
        <LinkTable links={data.links.slice(0, LIST_LIMIT)} name={name} onSelect={(key) => setSelection({ kind: "link", key })} />
        {data.links.length > LIST_LIMIT ? (
          <Details>
            <DetailsSummary>Vis alle {numberFormat.format(data.links.length)} forbindelser</DetailsSummary>
            <DetailsContent>
              <LinkTable links={data.links.slice(LIST_LIMIT)} name={name} onSelect={(key) => setSelection({ kind: "link", key })} />
            </DetailsContent>
          </Details>
        ) : null}
      </section>

      <section aria-labelledby="kommuneliste" className="stack">
        <Heading level={2} data-size="sm" id="kommuneliste">
          Kommunene i kartet
        </Heading>
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="visually-hidden">Kommunene i kartet med antall ordninger i utvalget</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Kommune</TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Ordninger i utvalget
                </TableHeaderCell>
                <TableHeaderCell scope="col">Vis</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.nodes
                .filter((n) => n.count > 0)
                .map((n) => (
                  <TableRow key={n.id}>
                    <TableHeaderCell scope="row" className="registry-row-header">
                      {n.name}
                    </TableHeaderCell>
                    <TableCell className="registry-number">{numberFormat.format(n.count)}</TableCell>
                    <TableCell>
                      <Button variant="tertiary" data-size="sm" onClick={() => setSelection({ kind: "node", id: n.id })} aria-label={`Vis ordninger for ${n.name}`}>
                        Vis ordninger
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </div>
  );
}

function LinkTable({ links, name, onSelect }: { links: MapData["links"]; name: (id: number) => string; onSelect: (key: string) => void }) {
  return (
    <div className="table-scroll">
      <Table zebra data-size="sm">
        <caption className="visually-hidden">Forbindelser mellom kommuner</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Kommuner</TableHeaderCell>
            <TableHeaderCell scope="col" className="registry-number">
              Felles ordninger
            </TableHeaderCell>
            <TableHeaderCell scope="col">Vis</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {links.map((l) => (
            <TableRow key={l.key}>
              <TableHeaderCell scope="row" className="registry-row-header">
                {name(l.a)} – {name(l.b)}
              </TableHeaderCell>
              <TableCell className="registry-number">{numberFormat.format(l.weight)}</TableCell>
              <TableCell>
                <Button variant="tertiary" data-size="sm" onClick={() => onSelect(l.key)} aria-label={`Vis ordninger for ${name(l.a)} og ${name(l.b)}`}>
                  Vis ordninger
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
