import type { BalanceState, CadenceStatus } from "@/lib/scoring";

export const STATE_LABEL: Record<BalanceState, string> = {
  giving: "You give more",
  balanced: "Balanced",
  owing: "Time to give back",
};

const STATE_STYLE: Record<BalanceState, string> = {
  giving: "bg-accent-soft text-accent-soft-fg",
  balanced: "bg-surface-muted text-ink",
  owing: "bg-warn-soft text-warn-fg",
};

type Props = { state: BalanceState; score: number; strength: number; daysSince: number | null; cadence: CadenceStatus };

/** The compact score line of a list row: balance with its direction, strength, last contact. */
export function BalanceBadge({ state, score, strength, daysSince, cadence }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs sm:w-72 sm:justify-end">
      <span className={`rounded-full px-2 py-0.5 font-medium ${STATE_STYLE[state]}`} title={`Balance score ${score} of 100`}>
        {STATE_LABEL[state]} · {score}
      </span>
      <span className="text-ink-subtle" title="Strength: how much has passed between you lately, 0–100">
        Strength {strength}
      </span>
      <span className={cadence === "going cold" ? "text-warn-fg" : "text-ink-subtle"}>
        {daysSince === null ? "No contact yet" : daysSince === 0 ? "Today" : `${daysSince} d ago`}
        {cadence === "going cold" && " · going cold"}
        {cadence === "due soon" && " · due soon"}
      </span>
    </div>
  );
}
