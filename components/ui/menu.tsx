"use client";

import { startTransition, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";

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

/** How the Radix menu takes over from the stand-in trigger: open already, or holding the focus. */
export type TakeOver = { open: boolean; focus: boolean };

type Impl = ComponentType<MenuProps & { takeOver: TakeOver }>;
let loaded: Impl | null = null;
let loading: Promise<Impl> | null = null;
const load = () => (loading ??= import("./dropdown-menu").then((m) => (loaded = m.RadixMenu)));

/**
 * A menu button (Radix DropdownMenu: arrow keys, type-ahead, Esc, focus return). The menu's
 * code loads when the pointer or focus comes to the trigger, or at the first press, not with
 * the page: the header's three menus would otherwise load and mount Radix on every page
 * right after hydration, when the phone is busiest. A press before the code is here opens
 * the menu as soon as it is; focus stays on the trigger across the swap. Disabled until
 * the page is hydrated.
 */
export function Menu(props: MenuProps) {
  const [radix, setRadix] = useState<{ Impl: Impl; takeOver: TakeOver } | null>(() =>
    loaded ? { Impl: loaded, takeOver: { open: false, focus: false } } : null,
  );
  const [hydrated, setHydrated] = useState(false);
  const pressed = useRef(false);
  const standIn = useRef<HTMLButtonElement>(null);
  useEffect(() => startTransition(() => setHydrated(true)), []);

  const want = (open: boolean) => {
    if (open) pressed.current = true;
    void load().then((Impl) => {
      const takeOver = { open: pressed.current, focus: document.activeElement === standIn.current };
      // A press that comes after an approach but before the swap still opens the menu.
      setRadix((r) => (r && (r.takeOver.open || !takeOver.open) ? r : { Impl, takeOver }));
    });
  };

  if (radix) return <radix.Impl {...props} takeOver={radix.takeOver} />;
  return (
    <button
      ref={standIn}
      type="button"
      disabled={!hydrated}
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      className={props.triggerClassName}
      onPointerEnter={() => want(false)}
      onFocus={() => want(false)}
      onPointerDown={() => want(true)}
      onClick={() => want(true)}
    >
      {props.trigger}
    </button>
  );
}
