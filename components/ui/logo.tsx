import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold text-ink">
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-brand-700 text-sm text-white">
        ⇄
      </span>
      Mutual
    </Link>
  );
}
