import type { BalanceState, CadenceStatus } from "@/lib/scoring";

export const STATE_LABEL: Record<BalanceState, string> = {
  giving: "You give more",
  balanced: "Balanced",
  owing: "Time to give back",
};

const STATE_STYLE: Record<BalanceState, string> = {
  giving: "bg-brand-50 text-brand-900",
  balanced: "bg-slate-100 text-ink",
  owing: "bg-amber-50 text-amber-900",
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
      <span className={cadence === "going cold" ? "text-amber-800" : "text-ink-subtle"}>
        {daysSince === null ? "No contact yet" : daysSince === 0 ? "Today" : `${daysSince} d ago`}
        {cadence === "going cold" && " · going cold"}
        {cadence === "due soon" && " · due soon"}
      </span>
    </div>
  );
}
