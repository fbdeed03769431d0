"use client";

import { useEffect, useId, useRef, useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { fetchContacts } from "@/lib/contacts-query";
import { LogInteractionForm } from "./log-form";

type Picked = { id: string; name: string };

export const QUICK_LOG_EVENT = "mutual:quick-log";

/** Opens the quick-log dialog on one contact. */
export function openQuickLog(contact: Picked): void {
  window.dispatchEvent(new CustomEvent<Picked>(QUICK_LOG_EVENT, { detail: contact }));
}

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/**
 * Log from anywhere: press L (or the header button), type a few letters of the name,
 * Enter, write the line, Enter. A native modal dialog: focus stays inside, Esc closes.
 */
export function QuickLog({ slug, today }: { slug: string; today: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<Picked | null>(null);
  // Enter pressed before the list caught up with the typing: pick once it has.
  const [enterPending, setEnterPending] = useState(false);
  const listId = useId();
  const queryClient = useQueryClient();

  // Other parts of the page (dashboard lists) open the dialog on a given contact.
  useEffect(() => {
    const onOpen = (e: Event) => {
      const detail = (e as CustomEvent<Picked>).detail;
      show();
      setPicked(detail);
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

  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 150);
    return () => clearTimeout(t);
  }, [typed]);

  const results = useQuery({
    queryKey: ["quick-log", slug, q],
    queryFn: () => fetchContacts(slug, { q, archived: false, sort: "name" }, null),
    enabled: open && picked === null,
    staleTime: 10_000,
    // Keep showing the last list while the next one loads: no flicker, and Enter has something to pick.
    placeholderData: keepPreviousData,
  });
  const items = (results.data?.items ?? []).slice(0, 8);
  const upToDate = q === typed.trim() && results.isSuccess && !results.isPlaceholderData;

  if (enterPending && upToDate) {
    // State adjusted while rendering (not in an effect): the list has caught up, pick from it.
    setEnterPending(false);
    const c = items[active];
    if (c) setPicked({ id: c.id, name: c.name });
  }

  function show() {
    setTyped("");
    setPicked(null);
    setActive(0);
    setEnterPending(false);
    setOpen(true);
    dialog.current?.showModal();
  }
  function close() {
    dialog.current?.close();
  }
  function logged() {
    close();
    if (picked) toast(`Logged with ${picked.name}`, { description: "Your dashboard and their timeline are up to date." });
    // The dashboard's numbers and lists are React Query data: refetch them in place.
    void queryClient.invalidateQueries({ queryKey: ["dashboard", slug] });
  }

  return (
    <>
      {/* Enabled once hydrated, which is also when the L shortcut starts listening. */}
      <Button type="button" onClick={show} className="!px-3 !py-1.5" aria-keyshortcuts="L">
        Log <span className="hidden font-normal sm:inline">(L)</span>
      </Button>
      <dialog
        ref={dialog}
        aria-label="Quick log"
        onClose={() => setOpen(false)}
        className="m-auto mt-[10vh] max-h-[85dvh] w-[min(36rem,calc(100vw-1rem))] overflow-y-auto rounded-card border border-line bg-surface-raised p-0 text-ink shadow-overlay backdrop:bg-slate-950/50"
      >
        <div className="flex items-center justify-between border-b border-line-subtle px-4 py-3 sm:px-5">
          <h2 className="text-heading">{picked ? `Log with ${picked.name}` : "Who was it with?"}</h2>
          <button type="button" onClick={close} className="grid size-8 place-items-center rounded-lg text-lg text-ink-muted hover:bg-surface-muted hover:text-ink" aria-label="Close">
            ×
          </button>
        </div>
        <div className="p-4 sm:p-5">
          {open && picked ? (
            <>
              <button type="button" className="mb-3 text-sm text-accent-text underline" onClick={() => setPicked(null)}>
                ← Someone else
              </button>
              <LogInteractionForm slug={slug} contactId={picked.id} contactName={picked.name} today={today} autoFocus onLogged={logged} />
            </>
          ) : open ? (
            <div className="flex flex-col gap-2">
              <label htmlFor={`${listId}-q`} className="text-sm font-medium">
                Find a contact
              </label>
              <input
                id={`${listId}-q`}
                autoFocus
                role="combobox"
                aria-expanded={items.length > 0}
                aria-controls={listId}
                aria-activedescendant={items[active] ? `${listId}-${items[active].id}` : undefined}
                value={typed}
                onChange={(e) => {
                  setTyped(e.target.value);
                  setActive(0);
                }}
                onKeyDown={(e) => {
                  if (e.key === "ArrowDown") {
                    e.preventDefault();
                    setActive((a) => Math.min(a + 1, items.length - 1));
                  } else if (e.key === "ArrowUp") {
                    e.preventDefault();
                    setActive((a) => Math.max(a - 1, 0));
                  } else if (e.key === "Enter") {
                    e.preventDefault();
                    // The list on screen may still be for fewer letters than typed: wait for it.
                    setEnterPending(true);
                  }
                }}
                placeholder="Start typing a name"
                className={inputClass}
              />
              <ul id={listId} role="listbox" aria-label="Contacts" className="flex flex-col">
                {items.map((c, i) => (
                  <li
                    key={c.id}
                    id={`${listId}-${c.id}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => setPicked({ id: c.id, name: c.name })}
                    className={`cursor-pointer rounded-md px-3 py-2 text-sm ${i === active ? "bg-accent-soft text-accent-soft-fg" : ""}`}
                  >
                    {c.name}
                    {c.company && <span className="text-ink-subtle"> · {c.company}</span>}
                  </li>
                ))}
              </ul>
              {upToDate && items.length === 0 && (
                <p className="text-sm text-ink-muted">Nobody by that name yet. Add them from Contacts first.</p>
              )}
            </div>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
