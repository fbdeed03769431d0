import Link from "next/link";
import type { CurrentUser } from "@/lib/session";
import { signOutAction } from "./actions";

export function UserMenu({ user, settingsHref }: { user: CurrentUser; settingsHref: string }) {
  const initials = user.name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details className="relative">
      <summary
        aria-label={`Account menu for ${user.name}`}
        className="grid size-9 cursor-pointer list-none place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-900"
      >
        {initials || "?"}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-2 text-sm">
          <span className="block font-medium">{user.name}</span>
          <span className="block truncate text-ink-subtle">{user.email}</span>
        </p>
        <Link href={settingsHref} className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100">
          Settings
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
