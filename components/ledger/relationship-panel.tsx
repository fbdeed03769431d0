import type { RelationshipSummary } from "@/db/queries/ledger";
import { Card } from "@/components/ui/card";
import { ASK_STREAK_WARNING, KINDS, type Direction, type Kind } from "@/lib/scoring";
import { STATE_LABEL } from "./balance-badge";

type Contribution = { id: string; direction: Direction; kind: Kind; summary: string; occurredAt: string; value: number };
type Props = {
  rel: RelationshipSummary;
  history: { at: string; balance: number }[];
  top: Contribution[];
  cadenceDays: number | null;
  name: string;
};

const fmt = (n: number) => n.toFixed(2);
const DIRECTION_WORD: Record<Direction, string> = { gave: "You gave", received: "You received", mutual: "Together" };

/** Your give-and-take with one person: the gauge, what it is made of, and how it moved. */
export function RelationshipPanel({ rel, history, top, cadenceDays, name }: Props) {
  const position = ((rel.balance + 1) / 2) * 100; // b ∈ (−1, 1) → 0–100 % along the gauge
  const never = rel.lastAt === null;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">Your give-and-take</h2>
        <p className="text-sm text-ink-muted">
          Balance <strong className="text-ink">{rel.balanceScore}</strong>/100 · Strength{" "}
          <strong className="text-ink">{rel.strength}</strong>/100
        </p>
      </div>
      <div className="mt-4">
        <div
          role="meter"
          aria-label="Balance"
          aria-valuemin={-100}
          aria-valuemax={100}
          aria-valuenow={Math.round(rel.balance * 100)}
          aria-valuetext={`${STATE_LABEL[rel.state]}, balance score ${rel.balanceScore} of 100`}
          className="relative h-3 rounded-full bg-gradient-to-r from-take via-line-strong to-give"
        >
          <span
            aria-hidden
            className="absolute top-1/2 size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-surface bg-ink shadow"
            style={{ left: `${position}%` }}
          />
        </div>
        <div className="mt-1 flex justify-between text-xs text-ink-subtle">
          <span>Time to give back</span>
          <span>Balanced</span>
          <span>You give more</span>
        </div>
        <p className="mt-3 text-sm font-medium" data-testid="balance-state">
          {STATE_LABEL[rel.state]}
        </p>
      </div>
      <p className="mt-2 text-sm text-ink-muted">
        {never
          ? "Nothing logged yet. What could you do for them?"
          : `Last contact ${rel.daysSince === 0 ? "today" : `${rel.daysSince} days ago`}${cadenceDays ? ` · you aim for every ${cadenceDays} days` : ""}.`}
        {rel.cadence === "going cold" && <span className="font-medium text-warn-fg"> Going cold — reach out with something useful.</span>}
        {rel.cadence === "due soon" && <span className="font-medium text-warn-fg"> Due soon.</span>}
      </p>
      {rel.askStreak >= ASK_STREAK_WARNING && (
        <p className="mt-2 rounded-lg bg-warn-soft p-2 text-sm text-warn-fg">
          {rel.askStreak} asks since you last gave. Give before you ask again — ask {name} what you can do to help.
        </p>
      )}
      {history.some((h) => h.balance !== 0) && <BalanceSparkline history={history} />}
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium text-accent-text">Why this score?</summary>
        <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
          <Part label="You gave (G)" value={fmt(rel.give)} />
          <Part label="You received (R)" value={fmt(rel.take)} />
          <Part label="Together (M)" value={fmt(rel.mutual)} />
        </dl>
        <p className="mt-2 text-xs text-ink-subtle">
          Each entry counts its weight, halving every 180 days. Balance = (G − R) / (G + R + 2); strength grows with
          G + R + M.
        </p>
        {top.length > 0 && (
          <>
            <h3 className="mt-3 font-medium">What weighs most now</h3>
            <ul className="mt-1 flex flex-col gap-1">
              {top.map((t) => (
                <li key={t.id} className="flex justify-between gap-2">
                  <span>
                    {DIRECTION_WORD[t.direction]}: {t.summary}{" "}
                    <span className="text-ink-subtle">({KINDS[t.kind].label.split(" (")[0]}, {t.occurredAt.slice(0, 10)})</span>
                  </span>
                  <span className="tabular-nums text-ink-muted">{fmt(t.value)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    </Card>
  );
}

function Part({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-canvas p-2">
      <dt className="text-xs text-ink-subtle">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Balance at each month's end over a year: a line, with the numbers as a table for screen readers. */
function BalanceSparkline({ history }: { history: { at: string; balance: number }[] }) {
  const w = 240;
  const h = 48;
  const points = history
    .map((p, i) => `${(i / Math.max(1, history.length - 1)) * w},${h / 2 - p.balance * (h / 2 - 2)}`)
    .join(" ");
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${w} ${h}`} className="h-12 w-full" aria-hidden preserveAspectRatio="none">
        <line x1="0" x2={w} y1={h / 2} y2={h / 2} className="stroke-line" strokeDasharray="4 4" />
        <polyline points={points} fill="none" className="stroke-give" strokeWidth="2" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="text-xs text-ink-subtle">Balance over the last 12 months (above the line: you gave more)</figcaption>
      <div className="sr-only">
        <table>
          <caption>Balance at the end of each month</caption>
          <tbody>
            {history.map((p) => (
              <tr key={p.at}>
                <th scope="row">{p.at}</th>
                <td>{p.balance.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
