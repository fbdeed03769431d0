"use client";

import { useId, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { deleteWorkspaceAction } from "@/app/(app)/w/[workspace]/settings/workspace-actions";
import { formErrors } from "@/lib/action-errors";

/** For owners: delete a team workspace and everything in it, after typing its name. */
export function DeleteWorkspace({ slug, name }: { slug: string; name: string }) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const { execute, result, isPending } = useAction(deleteWorkspaceAction.bind(null, slug));
  const errors = formErrors(result);
  const matches = typed.trim().toLowerCase() === name.trim().toLowerCase();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-heading text-danger-fg">
        Delete this workspace
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Deletes <strong>{name}</strong> for everyone in it: every contact, note, interaction and promise, the members and
        the invitations. It can&apos;t be undone — download the contacts first if you want to keep them.
      </p>
      <form
        className="mt-4 flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          execute({ confirmation: typed });
        }}
      >
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <Field
          label="Type the workspace's name to confirm"
          name="confirmation"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          hint={name}
          error={errors.field("confirmation")}
        />
        <div>
          <Button type="submit" disabled={!matches} pending={isPending} pendingLabel="Deleting…" variant="danger">
            Delete workspace
          </Button>
        </div>
      </form>
    </section>
  );
}
