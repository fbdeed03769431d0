/** A grey block standing in for content that is on its way; hidden from screen readers. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden className={`block animate-pulse rounded bg-surface-muted motion-reduce:animate-none ${className}`} />;
}

/** Rows of skeleton lines, with one status message for screen readers. */
export function SkeletonList({ rows = 5, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div role="status" className="rounded-card border border-line bg-surface">
      <span className="sr-only">{label}</span>
      <ul aria-hidden className="divide-y divide-line-subtle">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="flex flex-col gap-2 px-4 py-4">
            <Skeleton className="h-4 w-40 bg-line" />
            <Skeleton className="h-3 w-64 max-w-full" />
          </li>
        ))}
      </ul>
    </div>
  );
}
