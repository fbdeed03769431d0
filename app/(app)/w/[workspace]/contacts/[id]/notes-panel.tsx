import type { NoteItem } from "@/db/queries/notes";
import { Markdown } from "@/components/ui/markdown";
import { NewNoteForm } from "./new-note-form";
import { NoteCard } from "./note-card";

type Props = { slug: string; contactId: string; notes: NoteItem[]; timeZone: string };

/**
 * The notes about a contact. Their Markdown is rendered here, on the server: the parser and
 * sanitiser stay out of the browser's bundle, and hydration has only the finished markup.
 * The dates too, in the member's time zone: formatted in the browser, the first date costs
 * the ICU set-up while hydrating, and a browser in another locale disagreed with the server.
 */
export function NotesPanel({ slug, contactId, notes, timeZone }: Props) {
  const day = new Intl.DateTimeFormat("en-US", { timeZone });
  return (
    <section aria-labelledby="notes-title" className="flex flex-col gap-4">
      <h2 id="notes-title" className="text-heading">
        Notes
      </h2>
      <NewNoteForm slug={slug} contactId={contactId} />

      {notes.length === 0 ? (
        <p className="text-sm text-ink-muted">No notes yet. Remember what matters to them, not what you want from them.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {notes.map((n) => (
            <NoteCard key={n.id} slug={slug} note={n} date={day.format(new Date(n.createdAt))}>
              <Markdown>{n.body}</Markdown>
            </NoteCard>
          ))}
        </ul>
      )}
    </section>
  );
}
