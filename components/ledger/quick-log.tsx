"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export type Picked = { id: string; name: string };

export const QUICK_LOG_EVENT = "mutual:quick-log";

/** Opens the quick-log dialog on one contact. */
export function openQuickLog(contact: Picked): void {
  window.dispatchEvent(new CustomEvent<Picked>(QUICK_LOG_EVENT, { detail: contact }));
}

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

// The dialog's inside (contact search, the log form, their actions) loads on the first opening
// (or when the pointer or focus comes to the button): every workspace page carries this header
// button, and most page loads never open it.
const loadBody = () => import("./quick-log-body");
const QuickLogBody = dynamic(() => loadBody().then((m) => m.QuickLogBody), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-ink-muted sm:p-5">Loading…</p>,
});

/**
 * Log from anywhere: press L (or the header button), type a few letters of the name,
 * Enter, write the line, Enter. A native modal dialog: focus stays inside, Esc closes.
 */
export function QuickLog({ slug, today }: { slug: string; today: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  // Each opening mounts the inside afresh (its key), on the contact the opener named, if any.
  const [opening, setOpening] = useState<{ key: number; contact: Picked | null }>({ key: 0, contact: null });

  // Other parts of the page (dashboard lists) open the dialog on a given contact.
  useEffect(() => {
    const onOpen = (e: Event) => {
      show((e as CustomEvent<Picked>).detail);
    };
    window.addEventListener(QUICK_LOG_EVENT, onOpen);
    return () => window.removeEventListener(QUICK_LOG_EVENT, onOpen);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "l" || e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      show();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function show(contact: Picked | null = null) {
    setOpening((o) => ({ key: o.key + 1, contact }));
    setOpen(true);
    dialog.current?.showModal();
  }
  function close() {
    dialog.current?.close();
  }

  return (
    <>
      {/* Enabled once hydrated, which is also when the L shortcut starts listening. */}
      <Button
        type="button"
        onClick={() => show()}
        onPointerEnter={() => void loadBody()}
        onFocus={() => void loadBody()}
        className="!px-3 !py-1.5"
        aria-keyshortcuts="L"
      >
        Log <span className="hidden font-normal sm:inline">(L)</span>
      </Button>
      <dialog
        ref={dialog}
        aria-label="Quick log"
        onClose={() => setOpen(false)}
        className="m-auto mt-[10vh] max-h-[85dvh] w-[min(36rem,calc(100vw-1rem))] overflow-y-auto rounded-card border border-line bg-surface-raised p-0 text-ink shadow-overlay backdrop:bg-slate-950/50"
      >
        {open && <QuickLogBody key={opening.key} slug={slug} today={today} initial={opening.contact} onClose={close} />}
      </dialog>
    </>
  );
}
