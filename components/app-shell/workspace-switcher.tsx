"use client";

import type { WorkspaceSummary } from "@/db/queries/workspaces";
import { roleLabels } from "@/lib/permissions";
import { Menu } from "@/components/ui/menu";

type Workspace = Pick<WorkspaceSummary, "id" | "slug" | "name" | "role">;

export function WorkspaceSwitcher({ current, workspaces }: { current: Workspace; workspaces: Workspace[] }) {
  return (
    <Menu
      label={`Workspace: ${current.name}. Switch workspace`}
      trigger={
        <>
          <span className="truncate">{current.name}</span> <span aria-hidden>▾</span>
        </>
      }
      triggerClassName="inline-flex min-h-9 max-w-[8.5rem] items-center gap-1 rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-surface-muted sm:max-w-64"
      align="start"
      contentClassName="w-64"
      entries={[
        ...workspaces.map((w) => ({
          kind: "link" as const,
          href: `/w/${w.slug}`,
          current: w.id === current.id,
          className: "justify-between",
          label: (
            <>
              <span className="truncate">{w.name}</span>
              <span className="text-xs font-normal text-ink-subtle">{roleLabels[w.role]}</span>
            </>
          ),
        })),
        { kind: "separator" as const },
        { kind: "link" as const, href: "/workspaces/new", label: "+ New workspace", className: "text-accent-text" },
      ]}
    />
  );
}
