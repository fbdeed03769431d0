"use client";

import { useRef } from "react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import type { PromiseItem } from "@/db/queries/ledger";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { cancelPromiseAction, completePromiseAction, createPromiseAction } from "./actions";

type Props = { slug: string; contactId: string; promises: PromiseItem[]; today: string };

/** Help you offered and haven't given yet. Keeping one logs the give. */
export function PromisesPanel({ slug, contactId, promises, today }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const create = useAction(createPromiseAction.bind(null, slug), {
    onSuccess: () => {
      form.current?.reset();
      toast("Promise noted", { description: "It shows here, on the dashboard and in your digest until you keep it." });
    },
  });
  const complete = useAction(completePromiseAction.bind(null, slug));
  const cancel = useAction(cancelPromiseAction.bind(null, slug), { onSuccess: () => toast("Promise withdrawn", { tone: "info" }) });
  const errors = formErrors(create.result);
  const error = complete.result.serverError ?? cancel.result.serverError;

  return (
    <Card>
      <h2 className="font-semibold">Promises</h2>
      {promises.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No open promises.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {promises.map((p) => (
            <li key={p.id} className="rounded-lg border border-line p-3 text-sm">
              <p>{p.description}</p>
              <p className="text-xs text-ink-subtle">
                {p.mine ? "You" : p.member}
                {p.dueOn && ` · due ${p.dueOn}`}
                {p.dueOn && p.dueOn < today && <span className="font-medium text-warn-fg"> · overdue</span>}
              </p>
              {p.mine && (
                <div className="mt-2 flex gap-2">
                  <Button
                    variant="secondary"
                    className="!px-3 !py-1"
                    pending={complete.isPending}
                    onClick={() => complete.execute({ id: p.id, kind: "favor", weight: 3, summary: p.description.slice(0, 200) })}
                  >
                    Mark as kept
                  </Button>
                  <Button variant="ghost" className="!px-3 !py-1" onClick={() => cancel.execute({ id: p.id })}>
                    Cancel
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger-fg">
          {error}
        </p>
      )}
      {complete.hasSucceeded && <p className="mt-2 text-sm text-accent-soft-fg">Kept — logged as something you gave.</p>}
      <form
        ref={form}
        noValidate
        className="mt-4 flex flex-col gap-3 border-t border-line-subtle pt-4"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          create.execute({ contactId, description: String(fd.get("description") ?? ""), dueOn: String(fd.get("dueOn") ?? "") });
        }}
      >
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <Field label="I offered to…" name="description" placeholder="introduce her to Carol" error={errors.field("description")} />
        <Field label="By (optional)" name="dueOn" type="date" min={today} error={errors.field("dueOn")} />
        <div>
          <Button type="submit" variant="secondary" pending={create.isPending} pendingLabel="Saving…">
            Add promise
          </Button>
        </div>
      </form>
    </Card>
  );
}
