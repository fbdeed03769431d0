"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { BalanceChart, WeeklyChart } from "./charts";
import { QuickLogButton } from "./quick-log-button";
import { dashboardKeys, fetchDashboard, fetchDashboardLists, fetchFocusTags } from "./query";
import { inputClass } from "@/components/ui/input";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

/**
 * The dashboard from React Query's cache: the page prefetches it on the server, so the first
 * paint has every number; a quick log invalidates ["dashboard", slug] and it refetches in
 * place; the focus filter fetches the action lists for one tag without a navigation.
 */
export function DashboardView({ slug, today }: { slug: string; today: string }) {
  const base = `/w/${slug}`;
  const summary = useQuery({ queryKey: dashboardKeys.summary(slug), queryFn: () => fetchDashboard(slug) });
  const [tag, setTag] = useState("");
  const focused = useQuery({
    queryKey: dashboardKeys.lists(slug, tag),
    queryFn: () => fetchDashboardLists(slug, tag),
    enabled: tag !== "",
    placeholderData: keepPreviousData,
  });
  const data = summary.data;
  if (!data) {
    return summary.isError ? (
      <Alert tone="error">We couldn’t load your dashboard just now. Please reload the page in a moment.</Alert>
    ) : (
      <div role="status" className="flex flex-col gap-6">
        <span className="sr-only">Loading your dashboard…</span>
        <div aria-hidden className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-24 rounded-card" />
          ))}
        </div>
        <div aria-hidden className="grid gap-6 lg:grid-cols-2">
          <Skeleton className="h-64 rounded-card" />
          <Skeleton className="h-64 rounded-card" />
        </div>
      </div>
    );
  }
  const { headline, weeks, buckets, introIdeas, askCollisions } = data;
  const lists = tag && focused.data ? focused.data : data.lists;

  return (
    <>
      {summary.isError && <Alert tone="error">We couldn’t refresh these numbers. They are from a moment ago; we’ll try again.</Alert>}
      <section aria-label="The last 90 days" className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <Stat label="Gave, 90 days" value={`${headline.gave.count}`} note={`weight ${headline.gave.weight}`} />
        <Stat label="Received, 90 days" value={`${headline.received.count}`} note={`weight ${headline.received.weight}`} />
        <Stat label="Balanced" value={pct(headline.balancedShare)} note={`of ${headline.relationships} ${headline.relationships === 1 ? "relationship" : "relationships"}`} />
        <Stat label="Both ways" value={pct(headline.bothWaysShare)} note="gave and received" />
        <Stat label="Gives this week" value={`${headline.thisWeekGives}`} />
        <Stat label="Give streak" value={`${headline.giveStreak}`} note={headline.giveStreak === 1 ? "week" : "weeks in a row"} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold">Your relationships by balance</h2>
          <BalanceChart buckets={buckets} />
        </Card>
        <Card>
          <h2 className="font-semibold">Gives and takes, last 12 weeks</h2>
          <WeeklyChart weeks={weeks} />
        </Card>
      </div>

      <FocusFilter slug={slug} tag={tag} onChange={setTag} busy={tag !== "" && focused.isFetching} failed={tag !== "" && focused.isError} />

      <div className="grid gap-6 lg:grid-cols-2">
        <ActionList title="Give back" empty={tag ? `Nobody tagged “${tag}” you owe right now.` : "Nobody you owe right now. Lovely."}>
          {lists.giveBack.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={c.needs ? `Needs: ${c.needs}` : "Ask: “What can I do to help you?”"} />
          ))}
        </ActionList>
        <ActionList title="Going cold" empty={tag ? `Everyone tagged “${tag}” is within their rhythm.` : "Everyone is within their keep-in-touch rhythm."}>
          {lists.goingCold.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={`${c.daysSince} days since you were in touch (aim: ${c.cadenceDays})`} />
          ))}
        </ActionList>
        <ActionList title="Promises due" empty={tag ? `No promises due this week to people tagged “${tag}”.` : "No promises due this week."}>
          {lists.promisesDue.map((p) => (
            <Row
              key={p.id}
              href={`${base}/contacts/${p.contactId}`}
              name={p.name}
              id={p.contactId}
              note={`${p.description} — ${p.dueOn && p.dueOn < today ? `overdue since ${p.dueOn}` : `due ${p.dueOn}`}`}
            />
          ))}
        </ActionList>
        <ActionList title="Ask streaks" empty="No streaks of asks. You give before you ask.">
          {lists.askStreaks.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={`${c.askStreak} asks since you last gave — give before you ask again`} />
          ))}
        </ActionList>
        <ActionList title="Intro ideas" empty="Fill in what people need and offer, and matches show up here.">
          {introIdeas.map((i) => (
            <li key={`${i.needId}-${i.offerId}`} className="py-2 text-sm">
              <Link href={`${base}/contacts/${i.needId}`} className="font-medium hover:underline">
                {i.needName}
              </Link>{" "}
              needs what{" "}
              <Link href={`${base}/contacts/${i.offerId}`} className="font-medium hover:underline">
                {i.offerName}
              </Link>{" "}
              offers <span className="text-ink-subtle">({i.shared.join(", ")})</span>
            </li>
          ))}
        </ActionList>
        {askCollisions && (
          <ActionList title="Ask collisions" empty="No two teammates asked the same person lately.">
            {askCollisions.map((c) => (
              <Row key={c.contactId} href={`${base}/contacts/${c.contactId}`} name={c.name} id={c.contactId} note={`${c.askers.join(" and ")} asked in the last 30 days`} />
            ))}
          </ActionList>
        )}
      </div>
    </>
  );
}

/** Narrows the action lists to people with one tag. The tags load when the control is first used. */
function FocusFilter({ slug, tag, onChange, busy, failed }: { slug: string; tag: string; onChange: (tag: string) => void; busy: boolean; failed: boolean }) {
  const id = useId();
  const [wanted, setWanted] = useState(false);
  const tags = useQuery({ queryKey: [...dashboardKeys.all(slug), "tags"], queryFn: () => fetchFocusTags(slug), enabled: wanted, staleTime: 5 * 60_000 });
  const options = tags.data ?? [];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Focus the lists on
        </label>
        <select
          id={id}
          value={tag}
          onFocus={() => setWanted(true)}
          onPointerEnter={() => setWanted(true)}
          onChange={(e) => onChange(e.target.value)}
          className={`min-w-48 ${inputClass}`}
        >
          <option value="">Everyone</option>
          {tag && !options.some((o) => o.tag === tag) && <option value={tag}>{tag}</option>}
          {options.map((o) => (
            <option key={o.tag} value={o.tag}>
              {o.tag} ({o.contacts})
            </option>
          ))}
        </select>
      </div>
      <p className="pb-2 text-sm text-ink-muted" role="status">
        {failed ? "We couldn't narrow the lists just now. Try again in a moment." : busy ? "Finding them…" : tags.isFetching ? "Loading tags…" : ""}
      </p>
    </div>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-card border border-line bg-surface p-4">
      <p className="text-xs text-ink-subtle">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {note && <p className="text-xs text-ink-subtle">{note}</p>}
    </div>
  );
}

function ActionList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <Card>
      <h2 className="font-semibold">{title}</h2>
      {children.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line-subtle" aria-label={title}>
          {children}
        </ul>
      )}
    </Card>
  );
}

function Row({ href, name, id, note }: { href: string; name: string; id: string; note: string }) {
  return (
    <li className="flex items-start justify-between gap-3 py-2 text-sm">
      <div className="min-w-0">
        <Link href={href} className="font-medium hover:underline">
          {name}
        </Link>
        <p className="line-clamp-2 text-ink-muted">{note}</p>
      </div>
      <QuickLogButton id={id} name={name} />
    </li>
  );
}

