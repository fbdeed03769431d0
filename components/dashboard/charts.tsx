"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Bucket = { from: number; to: number; count: number };
type Week = { week: string; gave: number; received: number };

const bandLabel = (b: Bucket) => `${b.from.toFixed(1)} to ${b.to.toFixed(1)}`;
const bandColor = (b: Bucket) => (b.to <= -0.2 ? "#d97706" : b.from >= 0.2 ? "#059669" : "#94a3b8");

/** How many relationships sit at each balance, from owing (left) to giving (right). */
export function BalanceChart({ buckets }: { buckets: Bucket[] }) {
  return (
    <figure>
      <div className="h-48" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={buckets.map((b) => ({ ...b, label: bandLabel(b) }))} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={false} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => [v, "relationships"]} labelFormatter={(l) => `Balance ${l}`} />
            <Bar dataKey="count" radius={[4, 4, 0, 0]}>
              {buckets.map((b) => (
                <Cell key={b.from} fill={bandColor(b)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 flex justify-between text-xs text-ink-subtle">
        <span>← time to give back</span>
        <span>you give more →</span>
      </figcaption>
      <table className="sr-only">
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
    </figure>
  );
}

/** Weighted gives and takes per week, over twelve weeks. */
export function WeeklyChart({ weeks }: { weeks: Week[] }) {
  return (
    <figure>
      <div className="h-48" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="week" tickFormatter={(w: string) => w.slice(5)} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip labelFormatter={(w) => `Week of ${w}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="gave" name="Gave" fill="#059669" radius={[4, 4, 0, 0]} />
            <Bar dataKey="received" name="Received" fill="#d97706" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
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
    </figure>
  );
}
