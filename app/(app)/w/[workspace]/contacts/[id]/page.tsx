import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getContact } from "@/db/queries/contacts";
import { balanceHistory, getRelationship, listInteractionsForContact, listOpenPromises, topContributions } from "@/db/queries/ledger";
import { listNotesForContact } from "@/db/queries/notes";
import { getTeamView, listAskCollisions } from "@/db/queries/team-scores";
import { TeamCard } from "@/components/ledger/team-card";
import { LogInteractionForm } from "@/components/ledger/log-form";
import { PromisesPanel } from "@/components/ledger/promises-panel";
import { RelationshipPanel } from "@/components/ledger/relationship-panel";
import { Timeline } from "@/components/ledger/timeline";
import { todayIn } from "@/lib/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { requireMember } from "@/lib/session";
import { ContactActions } from "./contact-actions";
import { NotesPanel } from "./notes-panel";

export const metadata: Metadata = { title: "Contact" };

// From the essay: ask about them, listen, and offer before you ask.
const PROMPTS = [
  "How did you get into your field?",
  "What has surprised you about your work?",
  "What do you like most about what you do?",
  "What can I do to help you?",
];

type Props = {
  params: Promise<{ workspace: string; id: string }>;
  searchParams: Promise<{ created?: string; saved?: string; entries?: string }>;
};

// The timeline shows the latest entries; "Show earlier entries" asks for more, up to a ceiling.
const TIMELINE_PAGE = 30;
const TIMELINE_MAX = 1000;

export default async function ContactPage({ params, searchParams }: Props) {
  const { workspace: slug, id } = await params;
  const { user, workspace } = await requireMember(slug);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const scope = { workspaceId: workspace.id, userId: user.id };
  const now = new Date();
  const { created, saved, entries } = await searchParams;
  const shown = Math.min(Math.max(Math.trunc(Number(entries)) || TIMELINE_PAGE, TIMELINE_PAGE), TIMELINE_MAX);
  const [contact, notes, rel, history, top, latest, openPromises, teamView, collisions] = await Promise.all([
    getContact(db, workspace.id, id),
    listNotesForContact(db, scope, id),
    getRelationship(db, scope, id, now),
    balanceHistory(db, scope, id, now),
    topContributions(db, scope, id, now),
    listInteractionsForContact(db, scope, id, shown + 1),
    listOpenPromises(db, scope, id),
    getTeamView(db, workspace.id, id, now),
    listAskCollisions(db, workspace.id, now, id),
  ]);
  if (!contact || !rel) notFound();
  const today = todayIn(user.timeZone, now);
  const more = latest.length > shown && shown < TIMELINE_MAX;
  const timeline = latest.slice(0, shown);
  // With older entries left out, notes older than the oldest one shown wait for them too.
  const oldestShown = more ? timeline.at(-1)?.occurredAt : undefined;
  const timelineNotes = oldestShown ? notes.filter((n) => Date.parse(n.createdAt) >= Date.parse(oldestShown)) : notes;
  const mayDelete = contact.createdBy?.id === user.id || can(workspace.role, "contacts:delete-any");

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/w/${slug}/contacts`} className="text-sm text-ink-muted hover:underline">
        ← All contacts
      </Link>
      {created === "1" && <Alert tone="success">{contact.name} is in your network. What could you do for them?</Alert>}
      {saved === "1" && <Alert tone="success">Saved.</Alert>}
      {contact.archived && (
        <Alert>This contact is archived: hidden from the list until you restore it.</Alert>
      )}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-title">{contact.name}</h1>
          <p className="text-ink-muted">{[contact.title, contact.company].filter(Boolean).join(" at ")}</p>
          {contact.tags.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
              {contact.tags.map((t) => (
                <li key={t} className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-ink-muted">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/w/${slug}/contacts/${id}/edit`} className={buttonClass("secondary")}>
            Edit
          </Link>
          <ContactActions slug={slug} id={id} name={contact.name} archived={contact.archived} mayDelete={mayDelete} />
        </div>
      </div>

      <section aria-label="What matters to them" className="grid gap-4 md:grid-cols-3">
        <Essential title="Interests" text={contact.interests} empty="Common ground to talk about. Ask, and note it here." />
        <Essential title="Needs" text={contact.needs} empty="What are they looking for? Ask: “What can I do to help you?”" />
        <Essential title="Offers" text={contact.offers} empty="What could they help others with?" />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <RelationshipPanel rel={rel} history={history} top={top} cadenceDays={contact.cadenceDays} name={contact.name} />
          <section aria-labelledby="log-title" className="rounded-card border border-line bg-surface p-6 shadow-sm">
            <h2 id="log-title" className="mb-4 font-semibold">
              Log what passed between you
            </h2>
            <LogInteractionForm slug={slug} contactId={id} contactName={contact.name} today={today} />
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="mb-3 text-heading">
              Timeline
            </h2>
            <Timeline
              slug={slug}
              contact={{ id, name: contact.name }}
              timeZone={user.timeZone}
              today={today}
              interactions={timeline}
              notes={timelineNotes}
            />
            {more && (
              <Link
                href={`/w/${slug}/contacts/${id}?entries=${Math.min(shown + 100, TIMELINE_MAX)}#timeline-title`}
                scroll={false}
                className={`${buttonClass("secondary")} mt-3`}
              >
                Show earlier entries
              </Link>
            )}
          </section>
          <NotesPanel slug={slug} contactId={id} notes={notes} timeZone={user.timeZone} />
        </div>
        <aside className="flex flex-col gap-6">
          <PromisesPanel slug={slug} contactId={id} promises={openPromises} today={today} />
          <TeamCard meId={user.id} members={teamView.members} team={teamView.team} collision={collisions[0]} />
          <Card>
            <h2 className="font-semibold">Details</h2>
            <dl className="mt-3 grid gap-2 text-sm">
              <Detail label="E-mail">
                {contact.emails.length > 0
                  ? contact.emails.map((e) => (
                      <a key={e} href={`mailto:${e}`} className="block text-accent-text underline">
                        {e}
                      </a>
                    ))
                  : null}
              </Detail>
              <Detail label="Phone">{contact.phone}</Detail>
              <Detail label="Location">{contact.location}</Detail>
              <Detail label="Link">
                {contact.url && (
                  <a href={contact.url} rel="nofollow noopener noreferrer" target="_blank" className="break-all text-accent-text underline">
                    {contact.url.replace(/^https?:\/\//, "")}
                  </a>
                )}
              </Detail>
              <Detail label="How we met">{contact.howWeMet}</Detail>
              <Detail label="Keep in touch">
                {contact.cadenceDays ? `Every ${contact.cadenceDays} days` : "No reminder"}
              </Detail>
              <Detail label="Added by">{contact.createdBy?.name ?? "A former member"}</Detail>
            </dl>
          </Card>
          <Card>
            <h2 className="font-semibold">Next time you talk</h2>
            <ul className="mt-3 flex list-disc flex-col gap-2 pl-5 text-sm text-ink-muted">
              {PROMPTS.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Card>
        </aside>
      </div>
    </div>
  );
}

function Essential({ title, text, empty }: { title: string; text: string | null; empty: string }) {
  return (
    <Card className="!p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-accent-soft-fg">{title}</h2>
      {text ? (
        <p className="mt-2 whitespace-pre-line text-sm">{text}</p>
      ) : (
        <p className="mt-2 text-sm italic text-ink-subtle">{empty}</p>
      )}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-ink-subtle">{label}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}
