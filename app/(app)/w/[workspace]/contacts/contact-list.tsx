"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonList } from "@/components/ui/skeleton";
import { BalanceBadge } from "@/components/ledger/balance-badge";
import { contactsKey, fetchContacts, filtersToParams, type ContactFilters, type ContactSort } from "@/lib/contacts-query";
import { inputClass } from "@/components/ui/input";

const SORTS: { value: ContactSort; label: string }[] = [
  { value: "name", label: "Name" },
  { value: "recent", label: "Recently added" },
  { value: "balance", label: "Balance (owing first)" },
  { value: "strength", label: "Strength" },
  { value: "last", label: "Last contact (longest ago)" },
];

const SEARCH_DELAY_MS = 200;

export function ContactList({ slug, initialFilters }: { slug: string; initialFilters: ContactFilters }) {
  const [filters, setFilters] = useState(initialFilters);
  const [typed, setTyped] = useState(initialFilters.q);

  // Search as you type, once the typing pauses.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.q === typed.trim() ? f : { ...f, q: typed.trim() })), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [typed]);

  // Keep the URL in step (without a navigation), so a pasted link opens this view.
  useEffect(() => {
    const params = filtersToParams(filters).toString();
    window.history.replaceState(null, "", params ? `?${params}` : window.location.pathname);
  }, [filters]);

  const query = useInfiniteQuery({
    queryKey: contactsKey(slug, filters),
    queryFn: ({ pageParam }) => fetchContacts(slug, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.q || filters.tag || filters.company || filters.archived || filters.state || filters.cold);
  const set = (patch: Partial<ContactFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="contact-search" className="text-sm font-medium">
            Search
          </label>
          <input
            id="contact-search"
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Name, company, e-mail, tag or note"
            className={inputClass}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
            <label htmlFor="contact-sort" className="text-sm font-medium">
              Sort by
            </label>
            <select
              id="contact-sort"
              value={filters.sort}
              onChange={(e) => set({ sort: SORTS.find((s) => s.value === e.target.value)?.value ?? "name" })}
              className={inputClass}
            >
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
            <label htmlFor="contact-state" className="text-sm font-medium">
              Balance
            </label>
            <select
              id="contact-state"
              value={filters.cold ? "cold" : (filters.state ?? "")}
              onChange={(e) => {
                const v = e.target.value;
                set({ state: v === "giving" || v === "balanced" || v === "owing" ? v : undefined, cold: v === "cold" });
              }}
              className={inputClass}
            >
              <option value="">Everyone</option>
              <option value="owing">Time to give back</option>
              <option value="balanced">Balanced</option>
              <option value="giving">You give more</option>
              <option value="cold">Going cold</option>
            </select>
          </div>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={filters.archived} onChange={(e) => set({ archived: e.target.checked })} />
            Archived
          </label>
        </div>
      </div>

      {(filters.tag || filters.company) && (
        <div className="flex flex-wrap gap-2 text-sm" aria-label="Active filters">
          {filters.tag && (
            <FilterChip label={`Tag: ${filters.tag}`} onClear={() => set({ tag: undefined })} />
          )}
          {filters.company && (
            <FilterChip label={`Company: ${filters.company}`} onClear={() => set({ company: undefined })} />
          )}
        </div>
      )}

      <p aria-live="polite" className="sr-only">
        {query.isFetching ? "Loading contacts" : `${items.length}${query.hasNextPage ? "+" : ""} contacts shown`}
      </p>

      {query.isError && !query.data ? (
        <div role="alert" className="rounded-card border border-danger-line bg-danger-soft p-6 text-sm text-danger-fg">
          We couldn&apos;t load your contacts.{" "}
          <button type="button" className="font-medium underline" onClick={() => query.refetch()}>
            Try again
          </button>
        </div>
      ) : query.isPending ? (
        <SkeletonList rows={6} label="Loading contacts…" />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No one found"
            action={
              <Button
                variant="secondary"
                onClick={() => {
                  setTyped("");
                  setFilters({ q: "", archived: false, sort: filters.sort });
                }}
              >
                Clear search and filters
              </Button>
            }
          >
            <p>Nobody matches {filters.q ? <strong>&ldquo;{filters.q}&rdquo;</strong> : "these filters"}. Try fewer letters, or another filter.</p>
          </EmptyState>
        ) : (
          <EmptyState
            title="Add your first contact"
            action={
              <Link href={`/w/${slug}/contacts/new`} className={buttonClass("primary")}>
                Add your first contact
              </Link>
            }
          >
            <p>
              Start with someone you spoke to recently. Note what they care about and what they need — it makes the
              next conversation about them.
            </p>
            <p className="mt-2">
              Or{" "}
              <Link href={`/w/${slug}/import`} className="font-medium text-accent-text underline">
                import them from LinkedIn, Google, Outlook or a vCard
              </Link>
              .
            </p>
          </EmptyState>
        )
      ) : (
        <ul
          className={`divide-y divide-line-subtle rounded-card border border-line bg-surface ${query.isFetching && !query.isFetchingNextPage ? "opacity-70" : ""}`}
        >
          {items.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="min-w-0 flex-1">
                <Link href={`/w/${slug}/contacts/${c.id}`} className="font-medium text-ink hover:underline">
                  {c.name}
                </Link>
                <p className="truncate text-sm text-ink-muted">
                  {[c.title, c.company].filter(Boolean).join(" · ")}
                  {c.email && <span className="text-ink-subtle">{c.title || c.company ? " · " : ""}{c.email}</span>}
                </p>
              </div>
              {c.company && (
                <button
                  type="button"
                  onClick={() => set({ company: c.company ?? undefined })}
                  className="hidden text-left text-xs text-ink-subtle hover:underline md:block md:w-40 md:truncate"
                  aria-label={`Show only contacts at ${c.company}`}
                >
                  {c.company}
                </button>
              )}
              <BalanceBadge
                state={c.state}
                score={c.balanceScore}
                strength={c.strength}
                daysSince={c.interactionCount > 0 ? c.daysSince : null}
                cadence={c.cadence}
              />
              <div className="flex flex-wrap gap-1 sm:w-56 sm:justify-end">
                {c.tags.slice(0, 4).map((t) => (
                  <button
                    key={t}
                    type="button"
                    onClick={() => set({ tag: t })}
                    aria-label={`Show only contacts tagged ${t}`}
                    className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-ink-muted hover:bg-accent-soft hover:text-accent-soft-fg"
                  >
                    {t}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}

      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            onClick={() => query.fetchNextPage()}
            pending={query.isFetchingNextPage}
            pendingLabel="Loading…"
          >
            Show more
          </Button>
        </div>
      )}
    </div>
  );
}

function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-accent-soft px-3 py-1 text-accent-soft-fg">
      {label}
      <button type="button" onClick={onClear} aria-label={`Remove filter ${label}`} className="ml-1 font-semibold">
        ×
      </button>
    </span>
  );
}
