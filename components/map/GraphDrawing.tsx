"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { DrawingData } from "@/lib/map/view";
import { mapHref, MAP_BACKGROUND_ID, type MapQuery } from "@/lib/map/href";

const numberFormat = new Intl.NumberFormat("nb-NO");
/** A number with at most this many decimals (the markup carries no more precision than a screen shows). */
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

interface Label {
  x: number;
  y: number;
  anchor?: "end";
  transform?: string;
}

/**
 * The drawing: municipalities as points, links as lines (thicker = more shared arrangements).
 * One tab stop (roving tabindex): Tab enters at the chosen or first municipality, the arrow keys
 * (and Home/End) move between municipalities in list order, Enter chooses one (its partners).
 * Every point is a link, so it also works without JavaScript.
 */
export function GraphDrawing({ data, query }: { data: DrawingData; query: MapQuery }) {
  const router = useRouter();
  const [active, setActive] = useState(Math.max(0, data.selected));
  const [focused, setFocused] = useState<number | null>(null);
  const [shown, setShown] = useState(data);
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const refocus = useRef(false);
  // A new drawing (another municipality chosen): the tab stop moves to the chosen one.
  if (shown !== data) {
    setShown(data);
    setActive(Math.max(0, data.selected));
    setFocused(null);
  }
  // Chosen from the drawing: keep the keyboard where it was, on the chosen municipality.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    refs.current[Math.max(0, data.selected)]?.focus();
  }, [data]);
  const maxWeight = Math.max(1, ...data.links.map((l) => l[2]));
  const ego = data.selected >= 0 ? data.nodes[data.selected] : undefined;
  const highlight = focused;

  const labelOf = (i: number) => {
    const [, name, , , count] = data.nodes[i]!;
    if (ego && i !== data.selected) return `${name}: ${numberFormat.format(count)} felles ordninger med ${ego[1]}`;
    return `${name}: ${numberFormat.format(count)} ordninger`;
  };

  const move = (to: number) => {
    const next = (to + data.nodes.length) % data.nodes.length;
    setActive(next);
    refs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(active + 1),
      ArrowDown: () => move(active + 1),
      ArrowLeft: () => move(active - 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(data.nodes.length - 1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const choose = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    refocus.current = true;
    router.push(href, { scroll: false });
  };

  const hint = focused !== null ? labelOf(focused) : null;

  return (
    <div className="kart-drawing">
      <svg viewBox={`0 0 ${data.width} ${data.height}`} width={data.width} height={data.height} className="kart-svg" role="group" aria-label={data.label}>
        {data.boundaries.length ? (
          <g aria-hidden="true" className="kart-boundaries">
            {data.boundaries.map((d, i) => (
              <path key={i} d={d} />
            ))}
          </g>
        ) : null}
        {data.groups.length ? (
          <g aria-hidden="true" className="kart-groups">
            {data.groups.map(([name, x, y]) => (
              <text key={`${name}-${x}-${y}`} x={x} y={y} textAnchor="middle">
                {name}
              </text>
            ))}
          </g>
        ) : null}
        {data.backdrop ? <use href={`#${MAP_BACKGROUND_ID}`} transform={`scale(${data.backdrop})`} strokeWidth={round(3 / data.backdrop, 2)} className="kart-backdrop" aria-hidden="true" /> : null}
        <g aria-hidden="true">
          {data.links.map(([a, b, weight]) => {
            const p = data.nodes[a]!;
            const q = data.nodes[b]!;
            const lit = highlight !== null && (a === highlight || b === highlight);
            const dim = highlight !== null && !lit;
            return (
              <line
                key={`${a}-${b}`}
                x1={p[2]}
                y1={p[3]}
                x2={q[2]}
                y2={q[3]}
                className={lit ? "kart-link kart-link--lit" : dim ? "kart-link kart-link--dim" : "kart-link"}
                strokeWidth={round(data.dense ? 0.75 + 3 * (weight / maxWeight) : 1 + 9 * (weight / maxWeight), 2)}
              />
            );
          })}
        </g>
        <g onKeyDown={onKeyDown}>
          {data.nodes.map(([slug, name, x, y, count, labelled], i) => {
            const href = mapHref(query, { kommune: slug, minst: undefined });
            const selected = i === data.selected;
            const r = selected ? 12 : ego ? Math.min(8, 3 + Math.sqrt(count)) : data.dense ? Math.min(5, 2.5 + Math.sqrt(count) * 0.3) : Math.min(11, 4 + Math.sqrt(count) * 0.9);
            const showLabel = labelled === 1 || selected || focused === i;
            const label: Label = ego && !selected ? radialLabel(x, y, r, ego[2], ego[3]) : x > data.width * 0.78 ? { x: x - r - 3, y: y + 4, anchor: "end" } : { x: x + r + 3, y: y + 4 };
            return (
              <a
                key={slug}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                href={href}
                tabIndex={i === active ? 0 : -1}
                aria-label={labelOf(i)}
                aria-current={selected ? "true" : undefined}
                className={selected ? "kart-node kart-node--selected" : "kart-node"}
                onFocus={() => {
                  setActive(i);
                  setFocused(i);
                }}
                onBlur={() => setFocused((f) => (f === i ? null : f))}
                onMouseEnter={() => setFocused(i)}
                onMouseLeave={() => setFocused((f) => (f === i ? null : f))}
                onClick={(event) => choose(event, href)}
              >
                <circle cx={x} cy={y} r={round(r, 1)} />
                {showLabel ? (
                  <text x={label.x} y={label.y} textAnchor={label.anchor} transform={label.transform} className="kart-label">
                    {name}
                  </text>
                ) : null}
              </a>
            );
          })}
        </g>
      </svg>
      <p className="kart-hint" aria-hidden="true">
        {hint ?? "\u00a0"}
      </p>
    </div>
  );
}

/** A partner's label in the ego drawing: along the ray from the centre, outside the ring, never upside down. */
function radialLabel(x: number, y: number, r: number, cx: number, cy: number): Label {
  const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  const right = x >= cx;
  return right ? { x: x + r + 4, y: y + 4, transform: `rotate(${angle.toFixed(1)} ${x} ${y})` } : { x: x - r - 4, y: y + 4, anchor: "end", transform: `rotate(${(angle + 180).toFixed(1)} ${x} ${y})` };
}
