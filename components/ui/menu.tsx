"use client";

import { useEffect, useState, type ComponentType, type ReactNode } from "react";

export type MenuEntry =
  | { kind: "link"; href: string; label: ReactNode; current?: boolean; className?: string }
  | { kind: "action"; label: ReactNode; onSelect: () => void; disabled?: boolean }
  | { kind: "label"; content: ReactNode }
  | { kind: "separator" };

export type MenuProps = {
  /** The trigger's accessible name. */
  label: string;
  trigger: ReactNode;
  triggerClassName: string;
  entries: MenuEntry[];
  align?: "start" | "end";
  contentClassName?: string;
};

type Impl = ComponentType<MenuProps>;
let loaded: Impl | null = null;
let loading: Promise<Impl> | null = null;
const load = () => (loading ??= import("./dropdown-menu").then((m) => (loaded = m.RadixMenu)));

/**
 * A menu button (Radix DropdownMenu: arrow keys, type-ahead, Esc, focus return). The menu's
 * code loads right after hydration rather than with the page, so the header's three menus
 * don't add to every page's first load; until then the trigger shows, disabled.
 */
export function Menu(props: MenuProps) {
  const [Impl, setImpl] = useState<Impl | null>(() => loaded);
  useEffect(() => {
    if (!Impl) void load().then((m) => setImpl(() => m));
  }, [Impl]);
  if (Impl) return <Impl {...props} />;
  return (
    <button type="button" disabled aria-label={props.label} aria-haspopup="menu" className={props.triggerClassName}>
      {props.trigger}
    </button>
  );
}
