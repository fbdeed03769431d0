import { Skeleton } from "./skeleton";

/** What a workspace page shows while its data is on the way: a title bar and a few cards. */
export function PageSkeleton({ label, cards = 2 }: { label: string; cards?: number }) {
  return (
    <div role="status" className="flex flex-col gap-6">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-8 w-48" />
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} aria-hidden className="flex flex-col gap-3 rounded-card border border-line bg-surface p-6">
          <Skeleton className="h-5 w-40 bg-line" />
          <Skeleton className="h-4 w-full max-w-md" />
          <Skeleton className="h-4 w-2/3 max-w-sm" />
        </div>
      ))}
    </div>
  );
}
