"use client";

import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { inputClass } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { fetchContacts } from "@/lib/contacts-query";
import { LogInteractionForm } from "./log-form";
import type { Picked } from "./quick-log";

type Props = { slug: string; today: string; initial: Picked | null; onClose: () => void };

/**
 * The inside of the quick-log dialog: find the contact (unless the opener named one), then log.
 * Mounted afresh at each opening and loaded on the first one (see ./quick-log.tsx).
 */
export function QuickLogBody({ slug, today, initial, onClose }: Props) {
  const [picked, setPicked] = useState<Picked | null>(initial);
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  // Enter pressed before the list caught up with the typing: pick once it has.
  const [enterPending, setEnterPending] = useState(false);
  const listId = useId();
  const queryClient = useQueryClient();

  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 150);
    return () => clearTimeout(t);
  }, [typed]);

  const results = useQuery({
    queryKey: ["quick-log", slug, q],
    queryFn: () => fetchContacts(slug, { q, archived: false, sort: "name" }, null),
    enabled: picked === null,
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

  function logged() {
    onClose();
    if (picked) toast(`Logged with ${picked.name}`, { description: "Your dashboard and their timeline are up to date." });
    // The dashboard's numbers and lists are React Query data: refetch them in place.
    void queryClient.invalidateQueries({ queryKey: ["dashboard", slug] });
  }

  return (
    <>
      <div className="flex items-center justify-between border-b border-line-subtle px-4 py-3 sm:px-5">
        <h2 className="text-heading">{picked ? `Log with ${picked.name}` : "Who was it with?"}</h2>
        <button
          type="button"
          onClick={onClose}
          className="grid size-8 place-items-center rounded-lg text-lg text-ink-muted hover:bg-surface-muted hover:text-ink"
          aria-label="Close"
        >
          ×
        </button>
      </div>
      <div className="p-4 sm:p-5">
        {picked ? (
          <>
            <button type="button" className="mb-3 text-sm text-accent-text underline" onClick={() => setPicked(null)}>
              ← Someone else
            </button>
            <LogInteractionForm slug={slug} contactId={picked.id} contactName={picked.name} today={today} autoFocus onLogged={logged} />
          </>
        ) : (
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
            {upToDate && items.length === 0 && <p className="text-sm text-ink-muted">Nobody by that name yet. Add them from Contacts first.</p>}
          </div>
        )}
      </div>
    </>
  );
}
