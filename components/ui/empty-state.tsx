import type { ReactNode } from "react";

type Props = { title: string; children?: ReactNode; action?: ReactNode; headingLevel?: 2 | 3; className?: string };

/** What an empty list says instead: what belongs here, and the one step that fills it. */
export function EmptyState({ title, children, action, headingLevel = 2, className = "" }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={`rounded-card border border-dashed border-line-strong bg-surface p-8 text-center ${className}`}>
      <Heading className="text-heading">{title}</Heading>
      {children && <div className="mx-auto mt-2 max-w-md text-sm text-ink-muted">{children}</div>}
      {action && <div className="mt-5 flex flex-wrap items-center justify-center gap-3">{action}</div>}
    </div>
  );
}
