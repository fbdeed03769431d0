import type { TimelineInteraction } from "@/db/queries/ledger";
import type { NoteItem } from "@/db/queries/notes";
import { KINDS } from "@/lib/scoring";
import { todayIn } from "@/lib/dates";
import { OwnEntryControls } from "./own-entry-controls";

type Entry =
  | { type: "interaction"; at: string; item: TimelineInteraction }
  | { type: "note"; at: string; item: NoteItem };

const DIRECTION: Record<TimelineInteraction["direction"], { label: string; style: string }> = {
  gave: { label: "gave", style: "bg-accent-soft text-accent-soft-fg" },
  received: { label: "received", style: "bg-warn-soft text-warn-fg" },
  mutual: { label: "together", style: "bg-surface-muted text-ink" },
};

// Entries off screen skip style, layout and paint until they are scrolled near (content-visibility):
// a long timeline is most of a contact page's markup and sits below the fold on a phone. They
// stay in the document and the accessibility tree; the estimated height keeps the scrollbar steady.
const offscreenCheap = "[content-visibility:auto] [contain-intrinsic-size:auto_5rem]";

/** Interactions and notes, newest first, in one stream. */
type Props = {
  slug: string;
  contact: { id: string; name: string };
  timeZone: string;
  today: string;
  interactions: TimelineInteraction[];
  notes: NoteItem[];
};

export function Timeline({ slug, contact, timeZone, today, interactions, notes }: Props) {
  const localDate = (at: string) => todayIn(timeZone, new Date(at));
  const entries: Entry[] = [
    ...interactions.map((i): Entry => ({ type: "interaction", at: i.occurredAt, item: i })),
    ...notes.map((n): Entry => ({ type: "note", at: n.createdAt, item: n })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  if (entries.length === 0) {
    return <p className="text-sm text-ink-muted">Nothing yet. Log what you give and receive, and it shows here.</p>;
  }
  return (
    <ol className="flex flex-col gap-2">
      {entries.map((e) =>
        e.type === "interaction" ? (
          <li key={`i-${e.item.id}`} className={`flex flex-wrap items-start gap-2 rounded-lg border border-line bg-surface p-3 text-sm ${offscreenCheap}`}>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${DIRECTION[e.item.direction].style}`}>
              {e.item.mine ? "You" : e.item.member} {DIRECTION[e.item.direction].label}
            </span>
            <div className="min-w-0 flex-1 basis-48">
              <p>{e.item.summary}</p>
              <p className="text-xs text-ink-subtle">
                {KINDS[e.item.kind].label.split(" (")[0]} · weight {e.item.weight} · {localDate(e.at)}
              </p>
              {e.item.details && <p className="mt-1 whitespace-pre-line text-ink-muted">{e.item.details}</p>}
            </div>
            {e.item.mine && (
              <OwnEntryControls
                slug={slug}
                contactId={contact.id}
                contactName={contact.name}
                today={today}
                entry={{ ...e.item, date: localDate(e.item.occurredAt) }}
              />
            )}
          </li>
        ) : (
          <li key={`n-${e.item.id}`} className={`rounded-lg border border-dashed border-line p-3 text-sm text-ink-muted ${offscreenCheap}`}>
            <span className="text-xs">
              Note by {e.item.mine ? "you" : e.item.author} · {localDate(e.at)}
              {e.item.visibility === "private" ? " · private" : ""}
            </span>
            <p className="line-clamp-2">{e.item.body}</p>
          </li>
        ),
      )}
    </ol>
  );
}
