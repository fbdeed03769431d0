import Link from "next/link";
import type { WorkspaceSummary } from "@/db/queries/workspaces";
import { roleLabels } from "@/lib/permissions";

/** A native <details> menu: keyboard and screen-reader friendly without extra script. */
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceSummary; workspaces: WorkspaceSummary[] }) {
  return (
    <details className="relative">
      <summary
        className="max-w-[8.5rem] cursor-pointer list-none truncate rounded-lg border border-slate-200 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 sm:max-w-none"
        aria-label={`Workspace: ${current.name}. Switch workspace`}
      >
        {current.name} <span aria-hidden>▾</span>
      </summary>
      <div className="fixed inset-x-4 top-16 z-20 rounded-lg sm:absolute sm:inset-x-auto sm:left-0 sm:top-auto sm:mt-2 sm:w-64 border border-slate-200 bg-white p-1 shadow-lg">
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/w/${w.slug}`}
                aria-current={w.id === current.id ? "true" : undefined}
                className="flex items-center justify-between rounded-md px-3 py-2 text-sm hover:bg-slate-100"
              >
                <span className={w.id === current.id ? "font-semibold" : ""}>{w.name}</span>
                <span className="text-xs text-ink-subtle">{roleLabels[w.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/workspaces/new"
          className="mt-1 block rounded-md border-t border-slate-100 px-3 py-2 text-sm text-brand-700 hover:bg-slate-100"
        >
          + New workspace
        </Link>
      </div>
    </details>
  );
}
