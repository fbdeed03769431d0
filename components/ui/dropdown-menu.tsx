"use client";

import * as RadixMenuPrimitive from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { MenuProps, TakeOver } from "./menu";

const itemClass =
  "flex min-h-9 cursor-pointer select-none items-center gap-2 rounded-md px-3 py-2 text-sm text-ink outline-none data-[highlighted]:bg-surface-muted data-[disabled]:cursor-default data-[disabled]:opacity-60 aria-[current=page]:font-semibold aria-[current=page]:text-accent-text";

/** The Radix side of <Menu>: loaded on the first approach (see ./menu.tsx). */
export function RadixMenu({ label, trigger, triggerClassName, entries, align = "end", contentClassName = "", takeOver }: MenuProps & { takeOver: TakeOver }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Keyboard focus that was on the stand-in trigger moves to this one (an opening menu takes it itself).
  useEffect(() => {
    if (takeOver.focus && !takeOver.open) triggerRef.current?.focus();
  }, [takeOver]);
  return (
    <RadixMenuPrimitive.Root modal={false} defaultOpen={takeOver.open}>
      <RadixMenuPrimitive.Trigger ref={triggerRef} aria-label={label} className={triggerClassName}>
        {trigger}
      </RadixMenuPrimitive.Trigger>
      <RadixMenuPrimitive.Portal>
        <RadixMenuPrimitive.Content
          sideOffset={6}
          align={align}
          collisionPadding={8}
          className={`z-50 min-w-48 max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-surface-raised p-1 text-ink shadow-overlay ${contentClassName}`}
        >
          {entries.map((e, i) => {
            switch (e.kind) {
              case "separator":
                return <RadixMenuPrimitive.Separator key={i} className="my-1 h-px bg-line" />;
              case "label":
                return (
                  <RadixMenuPrimitive.Label key={i} className="px-3 py-2 text-sm">
                    {e.content}
                  </RadixMenuPrimitive.Label>
                );
              case "link":
                return (
                  <RadixMenuPrimitive.Item key={i} asChild className={`${itemClass} ${e.className ?? ""}`}>
                    <Link href={e.href} aria-current={e.current ? "page" : undefined}>
                      {e.label}
                    </Link>
                  </RadixMenuPrimitive.Item>
                );
              case "action":
                return (
                  <RadixMenuPrimitive.Item
                    key={i}
                    disabled={e.disabled}
                    className={itemClass}
                    onSelect={(ev) => {
                      ev.preventDefault();
                      e.onSelect();
                    }}
                  >
                    {e.label}
                  </RadixMenuPrimitive.Item>
                );
            }
          })}
        </RadixMenuPrimitive.Content>
      </RadixMenuPrimitive.Portal>
    </RadixMenuPrimitive.Root>
  );
}
