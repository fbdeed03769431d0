"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { guideCookie } from "./guide-cookie";
import { dashboardKeys, fetchDashboard } from "./query";


type Props = { slug: string; userId: string; hasContacts: boolean; skipped: boolean };

/**
 * The guided start after sign-up: add people, log a first give, watch the dashboard fill in.
 * Each step ticks itself off from real data (the first give from the dashboard's own query,
 * so a quick log ticks it at once); the whole guide can be skipped, and stays skipped.
 */
export function GettingStarted({ slug, userId, hasContacts, skipped: skippedAtFirst }: Props) {
  const base = `/w/${slug}`;
  const [skipped, setSkipped] = useState(skippedAtFirst);
  const summary = useQuery({ queryKey: dashboardKeys.summary(slug), queryFn: () => fetchDashboard(slug), enabled: hasContacts && !skipped });
  const gave = (summary.data?.headline.gave.count ?? 0) > 0;
  const done = [hasContacts, gave].filter(Boolean).length;

  if (skipped || (hasContacts && gave)) {
    return hasContacts ? null : (
      <EmptyState
        title="Your network starts here"
        action={
          <>
            <Link href={`${base}/contacts/new`} className={buttonClass("primary")}>
              Add your first contact
            </Link>
            <Link href={`${base}/import`} className={buttonClass("secondary")}>
              Import contacts
            </Link>
          </>
        }
      >
        <p>Add the people you know, and this page shows whom to give back to and who is going cold.</p>
      </EmptyState>
    );
  }

  const skip = () => {
    document.cookie = `${guideCookie(userId)}=1; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    setSkipped(true);
    toast("Guide hidden", { description: "Everything it showed is in Contacts and behind the Log button.", tone: "info" });
  };

  return (
    <Card aria-labelledby="guide-title">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div>
          <h2 id="guide-title" className="text-heading">
            Start with the people you know
          </h2>
          <p className="text-sm text-ink-muted">{done} of 3 steps done — a few minutes in all.</p>
        </div>
        <button type="button" onClick={skip} className="rounded-lg px-2 py-1 text-sm font-medium text-ink-muted underline hover:text-ink">
          Skip the guide
        </button>
      </div>
      <ol className="mt-4 flex flex-col gap-4 text-sm">
        <Step n={1} done={hasContacts} title="Add a few people">
          you spoke to lately — and what they care about, need and offer. Or bring them all in from LinkedIn, Google,
          Outlook or a vCard file.
          <div className="mt-2 flex flex-wrap gap-3">
            <Link href={`${base}/contacts/new`} className={buttonClass(hasContacts ? "secondary" : "primary")}>
              {hasContacts ? "Add someone else" : "Add your first contact"}
            </Link>
            <Link href={`${base}/import`} className={buttonClass("secondary")}>
              Import contacts
            </Link>
          </div>
        </Step>
        <Step n={2} done={gave} title="Log a first give:">
          an introduction, a tip, a congratulation. Press <kbd>L</kbd> anywhere, or the Log button at the top.
        </Step>
        <Step n={3} done={false} title="Watch this page come alive:">
          who to give back to, who is going cold, and how balanced your give-and-take is.
        </Step>
      </ol>
    </Card>
  );
}

function Step({ n, done, title, children }: { n: number; done: boolean; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden
        className={`grid size-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${
          done ? "bg-accent text-on-accent" : "border border-line-strong text-ink-muted"
        }`}
      >
        {done ? "✓" : n}
      </span>
      <div className={done ? "text-ink-muted" : undefined}>
        <strong className={done ? "line-through decoration-1" : undefined}>{title}</strong>
        {done && <span className="sr-only"> (done)</span>} {children}
      </div>
    </li>
  );
}
