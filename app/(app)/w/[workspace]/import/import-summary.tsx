"use client";

import type { ImportSummary, RowOutcome } from "@/db/queries/import";

const fmt = (n: number) => n.toLocaleString("en");

const BADGE: Record<RowOutcome["outcome"], { label: string; className: string }> = {
  create: { label: "New", className: "bg-accent-soft text-accent-soft-fg" },
  merge: { label: "Merge", className: "bg-warn-soft text-warn-fg" },
  skip: { label: "Skip", className: "bg-surface-muted text-ink-muted" },
};

/** Counts, then the rows grouped by what happens to them: skips (with reasons) first, open. */
export function ImportSummaryView({ summary, done }: { summary: ImportSummary; done: boolean }) {
  const { counts } = summary;
  const groups: { outcome: RowOutcome["outcome"]; title: string; open: boolean }[] = [
    { outcome: "skip", title: done ? "Skipped" : "Will be skipped", open: true },
    { outcome: "merge", title: done ? "Merged into people already here" : "Will be merged into people already here", open: counts.merge <= 50 },
    { outcome: "create", title: done ? "Added" : "Will be added", open: counts.create <= 20 },
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-3 gap-3 text-center">
        {(
          [
            ["create", done ? "added" : "new"],
            ["merge", "merged"],
            ["skip", "skipped"],
          ] as const
        ).map(([k, label]) => (
          <div key={k} className="rounded-lg border border-line bg-surface p-3">
            <dt className="text-xs uppercase tracking-wide text-ink-subtle">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{fmt(counts[k])}</dd>
          </div>
        ))}
      </dl>
      {groups.map(({ outcome, title, open }) => {
        const rows = summary.rows.filter((r) => r.outcome === outcome);
        if (counts[outcome] === 0) return null;
        return (
          <details key={outcome} open={open} className="rounded-lg border border-line bg-surface">
            <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
              {title} — {fmt(counts[outcome])} {counts[outcome] === 1 ? "row" : "rows"}
            </summary>
            <ul className="divide-y divide-line-subtle border-t border-line-subtle">
              {rows.map((r) => (
                <li key={r.where} className="flex flex-col gap-1 px-4 py-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[r.outcome].className}`}>{BADGE[r.outcome].label}</span>
                    <span className="text-ink-subtle">{r.where}</span>
                    <span className="font-medium">{r.name || "(no name)"}</span>
                  </div>
                  {r.detail && <p className="text-ink-muted">{r.detail}</p>}
                  {r.warnings.map((w) => (
                    <p key={w} className="text-xs text-warn-fg">
                      {w}
                    </p>
                  ))}
                </li>
              ))}
              {rows.length < counts[outcome] && (
                <li className="px-4 py-2 text-xs text-ink-subtle">…and {fmt(counts[outcome] - rows.length)} more.</li>
              )}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
