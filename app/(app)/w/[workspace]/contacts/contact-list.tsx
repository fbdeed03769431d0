"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { BalanceBadge } from "@/components/ledger/balance-badge";
import { contactsKey, fetchContacts, filtersToParams, type ContactFilters, type ContactSort } from "@/lib/contacts-query";

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
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <div className="flex gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="contact-sort" className="text-sm font-medium">
              Sort by
            </label>
            <select
              id="contact-sort"
              value={filters.sort}
              onChange={(e) => set({ sort: SORTS.find((s) => s.value === e.target.value)?.value ?? "name" })}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
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
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
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
        <div role="alert" className="rounded-card border border-red-200 bg-red-50 p-6 text-sm text-red-800">
          We couldn&apos;t load your contacts.{" "}
          <button type="button" className="font-medium underline" onClick={() => query.refetch()}>
            Try again
          </button>
        </div>
      ) : query.isPending ? (
        <ListSkeleton />
      ) : items.length === 0 ? (
        filtered ? (
          <div className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-ink-muted">
            <p>Nobody matches {filters.q ? <strong>&ldquo;{filters.q}&rdquo;</strong> : "these filters"}.</p>
            <button
              type="button"
              className="mt-3 font-medium text-brand-700 underline"
              onClick={() => {
                setTyped("");
                setFilters({ q: "", archived: false, sort: filters.sort });
              }}
            >
              Clear search and filters
            </button>
          </div>
        ) : (
          <div className="rounded-card border border-dashed border-slate-300 bg-white p-10 text-center">
            <h2 className="text-lg font-semibold">Add your first contact</h2>
            <p className="mx-auto mt-2 max-w-md text-sm text-ink-muted">
              Start with someone you spoke to recently. Note what they care about and what they need — it makes the
              next conversation about them.
            </p>
            <Link href={`/w/${slug}/contacts/new`} className={`${buttonClass("primary")} mt-5`}>
              Add your first contact
            </Link>
            <p className="mt-3 text-sm text-ink-muted">
              Or <Link href={`/w/${slug}/import`} className="font-medium text-brand-700 underline">import them from LinkedIn, Google, Outlook or a vCard</Link>.
            </p>
          </div>
        )
      ) : (
        <ul
          className={`divide-y divide-slate-100 rounded-card border border-slate-200 bg-white ${query.isFetching && !query.isFetchingNextPage ? "opacity-70" : ""}`}
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
                    className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-ink-muted hover:bg-brand-50 hover:text-brand-800"
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
    <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-brand-900">
      {label}
      <button type="button" onClick={onClear} aria-label={`Remove filter ${label}`} className="ml-1 font-semibold">
        ×
      </button>
    </span>
  );
}

function ListSkeleton() {
  return (
    <ul aria-hidden className="divide-y divide-slate-100 rounded-card border border-slate-200 bg-white">
      {Array.from({ length: 6 }, (_, i) => (
        <li key={i} className="flex animate-pulse flex-col gap-2 px-4 py-4">
          <span className="h-4 w-40 rounded bg-slate-200" />
          <span className="h-3 w-64 rounded bg-slate-100" />
        </li>
      ))}
    </ul>
  );
}
