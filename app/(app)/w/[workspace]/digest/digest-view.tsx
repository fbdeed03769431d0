import Link from "next/link";
import type { ReactNode } from "react";
import { QuickLogButton } from "@/components/dashboard/quick-log-button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { giveBackPrompt, isEmptyDigest, type DigestContent } from "@/lib/digest/content";
import {
  SECTION_TITLES,
  changeLabel,
  goingColdNote,
  moreNote,
  numbersLines,
  numbersSummary,
  promiseDueNote,
  streakNote,
  teamLines,
} from "@/lib/digest/copy";

type Props = {
  slug: string;
  content: DigestContent;
  timeZone: string;
  previous: string | null;
  next: string | null;
};

/** One week's digest, section by section: the same content and words as the e-mail. */
export function DigestView({ slug, content: c, timeZone, previous, next }: Props) {
  const base = `/w/${slug}`;
  const contact = (id: string) => `${base}/contacts/${id}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium text-accent-text">Weekly digest · {c.week}</p>
          <h1 className="text-title">Your week, {c.range}</h1>
          <p className="mt-1 text-sm text-ink-muted">Monday to Sunday in your time zone ({timeZone.replaceAll("_", " ")}).</p>
        </div>
        <nav aria-label="Weeks" className="flex gap-2">
          {previous && (
            <Link href={`${base}/digest/${previous}`} className={buttonClass("secondary")} rel="prev">
              ← Previous week
            </Link>
          )}
          {next && (
            <Link href={`${base}/digest/${next}`} className={buttonClass("secondary")} rel="next">
              Next week →
            </Link>
          )}
        </nav>
      </header>

      {isEmptyDigest(c) ? (
        <Card>
          <h2 className="text-heading">A quiet week</h2>
          <p className="mt-2 max-w-prose text-sm text-ink-muted">
            Nothing logged, nobody owed, nothing due. A good moment to give first: who could use an introduction, a tip or
            a word of encouragement this week?
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href={`${base}/contacts`} className={buttonClass("primary")}>
              Go to your contacts
            </Link>
            <Link href={base} className={buttonClass("secondary")}>
              Open the dashboard
            </Link>
          </div>
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {c.numbers && (
            <Section title={SECTION_TITLES.numbers} wide>
              <p className="mt-1 text-sm text-ink-muted">{numbersSummary(c.numbers)}</p>
              <dl className="mt-4 grid grid-cols-3 gap-3">
                {numbersLines(c.numbers).map((l) => (
                  <div key={l.label} className="rounded-lg border border-line p-3">
                    <dt className="text-xs text-ink-subtle">{l.label}</dt>
                    <dd className="text-2xl font-semibold tabular-nums">{l.week}</dd>
                    <dd className="text-xs text-ink-subtle">{changeLabel(l.week, l.previous)}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          )}
          {c.giveBack && (
            <Section title={SECTION_TITLES.giveBack} note={moreNote(c.giveBack.more, "people to give back to")}>
              {c.giveBack.items.map((g) => (
                <Row key={g.id} href={contact(g.id)} id={g.id} name={g.name} note={giveBackPrompt(g.needs)} />
              ))}
            </Section>
          )}
          {c.goingCold && (
            <Section title={SECTION_TITLES.goingCold} note={moreNote(c.goingCold.more, "people going cold")}>
              {c.goingCold.items.map((g) => (
                <Row key={g.id} href={contact(g.id)} id={g.id} name={g.name} note={goingColdNote(g.daysSince, g.cadenceDays)} />
              ))}
            </Section>
          )}
          {c.promisesDue && (
            <Section title={SECTION_TITLES.promisesDue} note={moreNote(c.promisesDue.more, "promises due")}>
              {c.promisesDue.items.map((p) => (
                <Row key={p.id} href={contact(p.contactId)} id={p.contactId} name={p.name} note={`${p.description} — ${promiseDueNote(p.dueOn, c.endDate)}`} />
              ))}
            </Section>
          )}
          {c.introIdeas && (
            <Section title={SECTION_TITLES.introIdeas}>
              {c.introIdeas.map((i) => (
                <li key={`${i.needId}-${i.offerId}`} className="py-2 text-sm">
                  <Link href={contact(i.needId)} className="font-medium hover:underline">
                    {i.needName}
                  </Link>{" "}
                  needs what{" "}
                  <Link href={contact(i.offerId)} className="font-medium hover:underline">
                    {i.offerName}
                  </Link>{" "}
                  offers <span className="text-ink-subtle">({i.shared.join(", ")})</span>. Could you introduce them?
                </li>
              ))}
            </Section>
          )}
          {c.team && (
            <Section title={SECTION_TITLES.team}>
              {teamLines(c.team).map((line, i) => (
                <li key={i} className="py-2 text-sm">
                  {line}
                </li>
              ))}
            </Section>
          )}
          {c.giveStreak && (
            <Card>
              <h2 className="font-semibold">{SECTION_TITLES.giveStreak}</h2>
              <p className="mt-1 text-3xl font-semibold tabular-nums text-give">
                {c.giveStreak} <span className="text-base font-normal text-ink-muted">{c.giveStreak === 1 ? "week" : "weeks"}</span>
              </p>
              <p className="mt-1 text-sm text-ink-muted">{streakNote(c.giveStreak)}</p>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}

function Section({ title, note, wide, children }: { title: string; note?: string | null; wide?: boolean; children: ReactNode }) {
  const id = `digest-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={wide ? "lg:col-span-2" : undefined}>
      <Card className="h-full">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {wide ? (
          children
        ) : (
          <ul className="mt-2 divide-y divide-line-subtle" aria-label={title}>
            {children}
          </ul>
        )}
        {note && <p className="mt-2 text-xs text-ink-subtle">{note}</p>}
      </Card>
    </section>
  );
}

function Row({ href, id, name, note }: { href: string; id: string; name: string; note: string }) {
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
