/** While a week's digest is computed: the page's frame, so nothing jumps when it arrives. */
export default function DigestLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading the digest…</span>
      <div className="h-8 w-72 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-6 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-40 animate-pulse rounded-card border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
