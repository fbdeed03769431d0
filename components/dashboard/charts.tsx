"use client";

import { useState } from "react";
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { Bucket, Week } from "@/db/queries/dashboard";

// visx draws plain SVG from scales: a few KiB in the browser where recharts weighed ~130 KiB.
// The SVG has a fixed coordinate system and scales to its box (viewBox), so no resize observer.
const W = 480;
const H = 200;
const M = { top: 8, right: 8, bottom: 24, left: 36 };
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

function yScale(max: number) {
  return scaleLinear<number>({ domain: [0, Math.max(1, max)], range: [innerH, 0], nice: true });
}

function Grid({ y }: { y: ReturnType<typeof yScale> }) {
  return (
    <>
      {y.ticks(4).map((t) => (
        <line key={t} x1={0} x2={innerW} y1={y(t)} y2={y(t)} stroke={GRID} />
      ))}
    </>
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
  const x = scaleBand<string>({ domain: buckets.map(bandLabel), range: [0, innerW], padding: 0.15 });
  const y = yScale(Math.max(...buckets.map((b) => b.count)));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Relationships by balance (the table below has the numbers)">
        <Group left={M.left} top={M.top}>
          <Grid y={y} />
          {buckets.map((b) => {
            const label = bandLabel(b);
            const top = y(b.count);
            return (
              <Bar
                key={label}
                x={x(label)}
                y={top}
                width={x.bandwidth()}
                height={innerH - top}
                rx={3}
                fill={bandColor(b)}
                opacity={hover && hover !== b ? 0.55 : 1}
                onMouseEnter={() => setHover(b)}
                onMouseLeave={() => setHover(null)}
              >
                <title>{`Balance ${label}: ${b.count} relationships`}</title>
              </Bar>
            );
          })}
          <AxisLeft scale={y} numTicks={4} tickFormat={(v) => `${Number(v)}`} hideAxisLine hideTicks tickLabelProps={() => ({ ...tick, textAnchor: "end", dx: -4, dy: 3 })} />
          <AxisBottom top={innerH} scale={x} hideTicks tickFormat={() => ""} stroke={GRID} />
        </Group>
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
  const x = scaleBand<string>({ domain: weeks.map((w) => w.week), range: [0, innerW], padding: 0.2 });
  const pair = scaleBand<"gave" | "received">({ domain: ["gave", "received"], range: [0, x.bandwidth()], padding: 0.05 });
  const y = yScale(Math.max(...weeks.flatMap((w) => [w.gave, w.received])));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Gives and takes per week (the table below has the numbers)">
        <Group left={M.left} top={M.top}>
          <Grid y={y} />
          {weeks.map((w) => (
            <Group key={w.week} data-week={w.week} left={x(w.week)} onMouseEnter={() => setHover(w)} onMouseLeave={() => setHover(null)}>
              {/* A full-height target, so the pointer finds short weeks too. */}
              <rect width={x.bandwidth()} height={innerH} fill="transparent" />
              {(["gave", "received"] as const).map((k) => {
                const top = y(w[k]);
                return (
                  <Bar key={k} x={pair(k)} y={top} width={pair.bandwidth()} height={innerH - top} rx={2} fill={k === "gave" ? GAVE : RECEIVED}>
                    <title>{`Week of ${w.week}: ${k === "gave" ? "gave" : "received"} ${w[k]}`}</title>
                  </Bar>
                );
              })}
            </Group>
          ))}
          <AxisLeft scale={y} numTicks={4} tickFormat={(v) => `${Number(v)}`} hideAxisLine hideTicks tickLabelProps={() => ({ ...tick, textAnchor: "end", dx: -4, dy: 3 })} />
          <AxisBottom
            top={innerH}
            scale={x}
            hideTicks
            stroke={GRID}
            tickValues={weeks.filter((_, i) => i % 2 === 1).map((w) => w.week)}
            tickFormat={(w) => String(w).slice(5)}
            tickLabelProps={() => ({ ...tick, textAnchor: "middle" })}
          />
        </Group>
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
