import type { ReactNode } from "react";

const tones = {
  error: "border-danger-line bg-danger-soft text-danger-fg",
  success: "border-accent-line bg-accent-soft text-accent-soft-fg",
  info: "border-line bg-surface text-ink-muted",
} as const;

export function Alert({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
