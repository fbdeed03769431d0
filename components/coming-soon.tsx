import type { ReactNode } from "react";

/** An honest placeholder for a part of the product that is not built yet. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" className="text-title">
        {title}
      </h1>
      <div className="mt-6 rounded-card border border-dashed border-line-strong bg-surface p-8 text-ink-muted">
        <p className="text-sm font-medium uppercase tracking-wide text-accent-text">Coming soon</p>
        <div className="mt-2 max-w-prose text-sm leading-relaxed">{children}</div>
      </div>
    </section>
  );
}
