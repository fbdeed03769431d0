"use client";

import { startTransition, useEffect, useState, type ButtonHTMLAttributes, type Ref } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  pending?: boolean;
  pendingLabel?: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * Disabled until the page is hydrated: a click before that would do nothing (or submit
 * the form natively, without its handler), which feels broken on a slow connection.
 * Enabled in a transition: a store's snapshot (useSyncExternalStore) that differs from the
 * server's forces a synchronous re-render after hydration, one long task for every button on
 * the page; a transition renders the buttons in short slices between other work instead.
 */
export function Button({ variant = "primary", pending, pendingLabel, children, className = "", ...rest }: Props) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return (
    <button
      {...rest}
      disabled={!hydrated || pending || rest.disabled}
      aria-busy={pending || undefined}
      className={`${buttonClass(variant)} ${className}`}
    >
      {pending && (
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
      )}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
