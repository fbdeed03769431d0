"use client";

import { useId, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { deleteMyAccount } from "./account-actions";

/** Settings → Your data: take all of it with you, or delete the account for good. */
export function YourData({ email }: { email: string }) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const { execute, result, isPending } = useAction(deleteMyAccount);
  const errors = formErrors(result);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`} className="text-heading">
          Your data
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Everything you put into Mutual, in one JSON file: your account, workspaces, the contacts you added, what you gave
          and received, your promises and your notes — private ones included.
        </p>
        <a href="/api/account/export" download className={`${buttonClass("secondary")} mt-3`}>
          Download my data
        </a>
      </section>

      <section aria-labelledby={`${id}-delete`} className="border-t border-line pt-6">
        <h2 id={`${id}-delete`} className="text-heading text-danger-fg">
          Delete your account
        </h2>
        <div className="mt-1 flex flex-col gap-2 text-sm text-ink-muted">
          <p>
            This can&apos;t be undone. Your account, your personal workspace and everything in it, your private notes, and
            what you logged with people go for good, and you are signed out everywhere.
          </p>
          <p>
            Notes you shared with a team and contacts you added to one stay with that team, shown as written by “A former
            member”. If you are the only owner of a team, make someone else an owner first.
          </p>
        </div>
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
            label="Type your e-mail address to confirm"
            name="confirmation"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            hint={email}
            error={errors.field("confirmation")}
          />
          <div>
            <Button type="submit" disabled={!matches} pending={isPending} pendingLabel="Deleting…" variant="danger">
              Delete my account
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
