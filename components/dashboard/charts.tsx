"use client";

import { useState } from "react";
import type { Bucket, Week } from "@/db/queries/dashboard";
import { bands, countScale } from "./scales";

// Plain SVG from two small scales. visx's axes measured every tick label in the DOM
// (getComputedTextLength) while hydrating — a forced layout per label — and brought d3 into
// the dashboard's bundle; these labels need no measuring: they are single words, anchored.
// The SVG has a fixed coordinate system and scales to its box (viewBox), so no resize observer.
const W = 480;
const H = 200;
// Room on the left for a five-digit count (50,000 contacts) right-aligned at x = -12.
const M = { top: 8, right: 8, bottom: 24, left: 52 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

// The theme's colour tokens (app/globals.css), so the charts follow the dark theme too.
const GAVE = "var(--give)";
const RECEIVED = "var(--take)";
const NEUTRAL = "var(--neutral-mark)";
const GRID = "var(--line)";
const tick = { fontSize: 11, fill: "var(--ink-subtle)" } as const;

const bandLabel = (b: Bucket) => `${b.from.toFixed(1)} to ${b.to.toFixed(1)}`;
const bandColor = (b: Bucket) => (b.to <= -0.2 + 1e-9 ? RECEIVED : b.from >= 0.2 - 1e-9 ? GAVE : NEUTRAL);

const yScale = (dataMax: number) => countScale(dataMax, innerH);

function Grid({ scale }: { scale: ReturnType<typeof yScale> }) {
  return (
    <>
      {scale.ticks.map((t) => (
        <line key={t} x1={0} x2={innerW} y1={scale.y(t)} y2={scale.y(t)} stroke={GRID} />
      ))}
    </>
  );
}

/** The y axis: its tick values, right-aligned left of the plot. */
function AxisLeft({ scale }: { scale: ReturnType<typeof yScale> }) {
  return (
    <g>
      {scale.ticks.map((t) => (
        <text key={t} x={-12} y={scale.y(t) + 3} textAnchor="end" {...tick}>
          {t}
        </text>
      ))}
    </g>
  );
}

/** What the pointer (or keyboard focus) is on, said in words under the chart. */
function Readout({ text, fallback }: { text: string | null; fallback: string }) {
  return (
    <p className="mt-1 min-h-5 text-xs text-ink-muted" aria-hidden>
      {text ?? fallback}
    </p>
  );
}

/** How many relationships sit at each balance, from owing (left) to giving (right). */
export function BalanceChart({ buckets }: { buckets: Bucket[] }) {
  const [hover, setHover] = useState<Bucket | null>(null);
  const x = bands(buckets.length, innerW, 0.15);
  const scale = yScale(Math.max(...buckets.map((b) => b.count)));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Relationships by balance (the table below has the numbers)">
        <g transform={`translate(${M.left}, ${M.top})`}>
          <Grid scale={scale} />
          {buckets.map((b, i) => {
            const label = bandLabel(b);
            const top = scale.y(b.count);
            return (
              <rect
                key={label}
                x={x.x(i)}
                y={top}
                width={x.bandwidth}
                height={innerH - top}
                rx={3}
                fill={bandColor(b)}
                opacity={hover && hover !== b ? 0.55 : 1}
                onMouseEnter={() => setHover(b)}
                onMouseLeave={() => setHover(null)}
              >
                <title>{`Balance ${label}: ${b.count} relationships`}</title>
              </rect>
            );
          })}
          <AxisLeft scale={scale} />
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke={GRID} />
        </g>
      </svg>
      <Readout text={hover && `Balance ${bandLabel(hover)}: ${hover.count} relationships`} fallback="Point at a bar to see how many relationships sit there." />
      <figcaption className="flex justify-between text-xs text-ink-subtle">
        <span>← time to give back</span>
        <span>you give more →</span>
      </figcaption>
      <div className="sr-only">
        <table>
          <caption>Relationships by balance, from −1 (you owe) to +1 (you give more)</caption>
          <thead>
            <tr>
              <th scope="col">Balance</th>
              <th scope="col">Relationships</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.from}>
                <th scope="row">{bandLabel(b)}</th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Weighted gives and takes per week, over twelve weeks. */
export function WeeklyChart({ weeks }: { weeks: Week[] }) {
  const [hover, setHover] = useState<Week | null>(null);
  const x = bands(weeks.length, innerW, 0.2);
  const pair = bands(2, x.bandwidth, 0.05);
  const scale = yScale(Math.max(...weeks.flatMap((w) => [w.gave, w.received])));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Gives and takes per week (the table below has the numbers)">
        <g transform={`translate(${M.left}, ${M.top})`}>
          <Grid scale={scale} />
          {weeks.map((w, i) => (
            <g key={w.week} data-week={w.week} transform={`translate(${x.x(i)}, 0)`} onMouseEnter={() => setHover(w)} onMouseLeave={() => setHover(null)}>
              {/* A full-height target, so the pointer finds short weeks too. */}
              <rect width={x.bandwidth} height={innerH} fill="transparent" />
              {(["gave", "received"] as const).map((k, j) => {
                const top = scale.y(w[k]);
                return (
                  <rect key={k} x={pair.x(j)} y={top} width={pair.bandwidth} height={innerH - top} rx={2} fill={k === "gave" ? GAVE : RECEIVED}>
                    <title>{`Week of ${w.week}: ${k === "gave" ? "gave" : "received"} ${w[k]}`}</title>
                  </rect>
                );
              })}
            </g>
          ))}
          <AxisLeft scale={scale} />
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke={GRID} />
          {weeks.map((w, i) =>
            i % 2 === 1 ? (
              <text key={w.week} x={x.x(i) + x.bandwidth / 2} y={innerH + 19} textAnchor="middle" {...tick}>
                {w.week.slice(5)}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <Readout text={hover && `Week of ${hover.week}: gave ${hover.gave}, received ${hover.received}`} fallback="Point at a week to see its numbers." />
      <p className="flex gap-4 text-xs text-ink-subtle" aria-hidden>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: GAVE }} /> Gave
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: RECEIVED }} /> Received
        </span>
      </p>
      <div className="sr-only">
        <table>
          <caption>Weighted gives and takes per week, last 12 weeks</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Gave</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>{w.gave}</td>
                <td>{w.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
