"use client";

import { useTransition } from "react";
import type { CurrentUser } from "@/lib/session";
import { Menu } from "@/components/ui/menu";
import { signOutAction } from "./actions";

export function UserMenu({ user, settingsHref }: { user: Pick<CurrentUser, "name" | "email">; settingsHref: string }) {
  const [signingOut, startSignOut] = useTransition();
  const initials = user.name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu
      label={`Account menu for ${user.name}`}
      trigger={initials || "?"}
      triggerClassName="grid size-9 shrink-0 place-items-center rounded-full bg-accent-soft text-sm font-semibold text-accent-soft-fg"
      contentClassName="w-60"
      entries={[
        {
          kind: "label",
          content: (
            <>
              <span className="block font-medium">{user.name}</span>
              <span className="block truncate text-ink-subtle">{user.email}</span>
            </>
          ),
        },
        { kind: "separator" },
        { kind: "link", href: settingsHref, label: "Settings" },
        {
          kind: "action",
          label: signingOut ? "Signing out…" : "Sign out",
          disabled: signingOut,
          onSelect: () => startSignOut(() => signOutAction()),
        },
      ]}
    />
  );
}
