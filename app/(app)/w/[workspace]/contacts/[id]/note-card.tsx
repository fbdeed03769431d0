"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import type { NoteItem } from "@/db/queries/notes";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextAreaField } from "@/components/ui/textarea-field";
import { formErrors } from "@/lib/action-errors";
import { deleteNoteAction, setNoteVisibilityAction, updateNoteAction } from "../actions";

/** One note: its text (rendered from Markdown on the server, as children) and date, edit, share and delete. */
export function NoteCard({ slug, note, date, children }: { slug: string; note: NoteItem; date: string; children: ReactNode }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [baseVersion, setBaseVersion] = useState(note.version);
  const refresh = () => router.refresh();
  const update = useAction(updateNoteAction.bind(null, slug), {
    onSuccess: ({ data }) => {
      if (data?.status === "ok") {
        setEditing(false);
        setBaseVersion(data.version);
        refresh();
        toast("Note updated");
      }
    },
  });
  const visibility = useAction(setNoteVisibilityAction.bind(null, slug), {
    onSuccess: ({ input }) => {
      refresh();
      toast(input.visibility === "team" ? "Note shared with the team" : "Note made private");
    },
  });
  const remove = useAction(deleteNoteAction.bind(null, slug), {
    onSuccess: () => {
      refresh();
      toast("Note deleted");
    },
  });
  const conflict = update.result.data?.status === "conflict" ? update.result.data.current : null;
  const error = update.result.serverError ?? visibility.result.serverError ?? remove.result.serverError;
  const bodyError = formErrors(update.result).field("body");

  return (
    <li className="rounded-card border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-ink-subtle">
        <span>
          {note.mine ? "You" : note.author} · {date}
          {note.updatedAt !== note.createdAt && " · edited"}
        </span>
        <span
          className={`rounded-full px-2 py-0.5 ${note.visibility === "private" ? "bg-warn-soft text-warn-fg" : "bg-accent-soft text-accent-soft-fg"}`}
        >
          {note.visibility === "private" ? "Private — only you" : "Team"}
        </span>
      </div>

      {editing ? (
        <form
          noValidate
          className="mt-3 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            update.execute({ id: note.id, body: draft, version: conflict ? conflict.version : baseVersion });
            if (conflict) setBaseVersion(conflict.version);
          }}
        >
          {conflict && (
            <div role="alert" className="rounded-lg border border-warn-line bg-warn-soft p-3 text-sm text-warn-fg">
              <p className="font-medium">This note was changed elsewhere while you were editing.</p>
              <p className="mt-1">Nothing was overwritten. The saved version is below; your text is still in the box.</p>
              <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-surface p-2 font-sans">{conflict.body}</pre>
              <button type="button" className="mt-2 font-medium underline" onClick={() => setDraft(conflict.body)}>
                Replace my text with the saved version
              </button>
            </div>
          )}
          <TextAreaField label="Edit note" rows={4} value={draft} onChange={(e) => setDraft(e.target.value)} error={bodyError} />
          <div className="flex gap-3">
            <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
              {conflict ? "Save my version" : "Save"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => { setEditing(false); setDraft(note.body); update.reset(); }}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        children
      )}

      {/* A team note's text is the team's to keep current; sharing and deleting stay the author's. */}
      {(note.mine || note.visibility === "team") && !editing && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            variant="ghost"
            className="!px-2 !py-1"
            onClick={() => {
              setDraft(note.body);
              setBaseVersion(note.version);
              update.reset();
              setEditing(true);
            }}
          >
            Edit
          </Button>
          {note.mine && (
            <>
              <Button
                variant="ghost"
                className="!px-2 !py-1"
                pending={visibility.isPending}
                onClick={() => visibility.execute({ id: note.id, visibility: note.visibility === "private" ? "team" : "private" })}
              >
                {note.visibility === "private" ? "Share with the team" : "Make private"}
              </Button>
              <ConfirmButton
                label="Delete note"
                title="Delete this note?"
                confirmLabel="Delete"
                variant="ghost"
                pending={remove.isPending}
                onConfirm={() => remove.execute({ id: note.id })}
              >
                It is removed for good.
              </ConfirmButton>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger-fg">
          {error}
        </p>
      )}
    </li>
  );
}
