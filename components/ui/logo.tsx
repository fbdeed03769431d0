import Link from "next/link";

/** The mark and the name; `compact` keeps only the mark below 640 px (the name stays for screen readers). */
export function Logo({ href = "/", compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="inline-flex shrink-0 items-center gap-2 rounded-lg font-semibold text-ink">
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-brand-700 text-sm text-white">
        ⇄
      </span>
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>Mutual</span>
    </Link>
  );
}
