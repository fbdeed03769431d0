"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/textarea-field";
import { formErrors } from "@/lib/action-errors";
import { createNoteAction } from "../actions";

export function NewNoteForm({ slug, contactId }: { slug: string; contactId: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const create = useAction(createNoteAction.bind(null, slug), {
    onSuccess: ({ input }) => {
      form.current?.reset();
      router.refresh();
      toast("Note added", { description: input.visibility === "team" ? "Your teammates can read it." : "Only you can read it." });
    },
  });
  const errors = formErrors(create.result);

  return (
    <form
      ref={form}
      noValidate
      className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        create.execute({
          contactId,
          body: String(fd.get("body") ?? ""),
          visibility: fd.get("visibility") === "team" ? "team" : "private",
        });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextAreaField
        label="New note"
        name="body"
        rows={3}
        placeholder="What did you learn about them? What do they care about?"
        hint="Markdown works: **bold**, lists, links."
        error={errors.field("body")}
      />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Who can read this note</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" value="private" defaultChecked /> Private — only you
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" value="team" /> Shared with the team
        </label>
      </fieldset>
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel="Saving…">
          Add note
        </Button>
      </div>
    </form>
  );
}
