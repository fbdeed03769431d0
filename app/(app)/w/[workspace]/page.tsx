import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import {
  balanceDistribution,
  getHeadline,
  hasContacts,
  listIntroIdeas,
  listPromisesDue,
  relationshipOverview,
  weeklyFlow,
} from "@/db/queries/dashboard";
import { listAskCollisions } from "@/db/queries/team-scores";
import { BalanceChart, WeeklyChart } from "@/components/dashboard/charts";
import { QuickLogButton } from "@/components/dashboard/quick-log-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { todayIn } from "@/lib/dates";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ welcome?: string }> };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

export default async function DashboardPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const { welcome } = await searchParams;
  const db = await getDb();
  const scope = { workspaceId: workspace.id, userId: user.id };
  const base = `/w/${slug}`;
  const greeting = welcome === "1" && (
    <Alert tone="success">
      Welcome to Mutual, {user.name.split(" ")[0]}. {workspace.name} is ready — a place to remember what matters to the
      people you know, and to give before you ask.
    </Alert>
  );

  if (!(await hasContacts(db, workspace.id))) {
    return (
      <div className="flex flex-col gap-6">
        {greeting}
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <Card>
          <h2 className="text-lg font-semibold">Start with the people you know</h2>
          <ol className="mt-4 flex flex-col gap-4 text-sm">
            <li>
              <strong>1. Add a few people</strong> you spoke to lately — and what they care about, need and offer.
              <div className="mt-2">
                <Link href={`${base}/contacts/new`} className={buttonClass("primary")}>
                  Add your first contact
                </Link>
              </div>
            </li>
            <li>
              <strong>2. Log a first give</strong>: an introduction, a tip, a congratulation. Press <kbd className="rounded border px-1">L</kbd> anywhere.
            </li>
            <li>
              <strong>3. Watch this page come alive</strong>: who to give back to, who is going cold, and how balanced
              your give-and-take is.
            </li>
          </ol>
        </Card>
      </div>
    );
  }

  const now = new Date();
  const today = todayIn(user.timeZone, now);
  // One scoring pass over the member's relationships feeds the shares, the chart and three lists.
  const overviewPromise = relationshipOverview(db, scope, now);
  const [headline, overview, weeks, due, ideas, collisions] = await Promise.all([
    getHeadline(db, scope, user.timeZone, now, overviewPromise),
    overviewPromise,
    weeklyFlow(db, scope, user.timeZone, now),
    listPromisesDue(db, scope, today),
    listIntroIdeas(db, scope),
    workspace.personal ? Promise.resolve([]) : listAskCollisions(db, workspace.id, now),
  ]);
  const buckets = await balanceDistribution(db, scope, now, overview);
  const { giveBack, goingCold: cold, askStreaks: streaks } = overview;

  return (
    <div className="flex flex-col gap-6">
      {greeting}
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-label="The last 90 days" className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <Stat label="Gave, 90 days" value={`${headline.gave.count}`} note={`weight ${headline.gave.weight}`} />
        <Stat label="Received, 90 days" value={`${headline.received.count}`} note={`weight ${headline.received.weight}`} />
        <Stat label="Balanced" value={pct(headline.balancedShare)} note={`of ${headline.relationships} relationships`} />
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

      <div className="grid gap-6 lg:grid-cols-2">
        <ActionList title="Give back" empty="Nobody you owe right now. Lovely.">
          {giveBack.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={c.needs ? `Needs: ${c.needs}` : "Ask: “What can I do to help you?”"} />
          ))}
        </ActionList>
        <ActionList title="Going cold" empty="Everyone is within their keep-in-touch rhythm.">
          {cold.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={`${c.daysSince} days since you were in touch (aim: ${c.cadenceDays})`} />
          ))}
        </ActionList>
        <ActionList title="Promises due" empty="No promises due this week.">
          {due.map((p) => (
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
          {streaks.map((c) => (
            <Row key={c.id} href={`${base}/contacts/${c.id}`} name={c.name} id={c.id} note={`${c.askStreak} asks since you last gave — give before you ask again`} />
          ))}
        </ActionList>
        <ActionList title="Intro ideas" empty="Fill in what people need and offer, and matches show up here.">
          {ideas.map((i) => (
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
        {!workspace.personal && (
          <ActionList title="Ask collisions" empty="No two teammates asked the same person lately.">
            {collisions.map((c) => (
              <Row key={c.contactId} href={`${base}/contacts/${c.contactId}`} name={c.name} id={c.contactId} note={`${c.askers.join(" and ")} asked in the last 30 days`} />
            ))}
          </ActionList>
        )}
      </div>
    </div>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-card border border-slate-200 bg-white p-4">
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
        <ul className="mt-2 divide-y divide-slate-100" aria-label={title}>
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
