/** What a workspace page shows while its data loads: the page's shape, not a blank screen. */
export default function WorkspaceLoading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-card bg-slate-100 motion-reduce:animate-none" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-card bg-slate-100 motion-reduce:animate-none" />
    </div>
  );
}
