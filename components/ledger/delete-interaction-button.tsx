"use client";

import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteInteractionAction } from "./actions";

/**
 * On each of your own entries in a timeline — 30 on a busy contact's page. The action runs in
 * a transition rather than through next-safe-action's useAction: its two dozen hooks and six
 * effects per row made hydrating the timeline a long task on a phone. The result is the same
 * safe-action result; the scores refresh with the page (the action revalidates it).
 */
export function DeleteInteractionButton({ slug, id }: { slug: string; id: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmButton
      label="Delete entry"
      title="Delete this entry?"
      confirmLabel="Delete"
      variant="ghost"
      pending={pending}
      onConfirm={() =>
        startTransition(async () => {
          // A failure is reported here: thrown inside the transition it would reach the error page.
          const result = await deleteInteractionAction(slug, { id }).catch(() => null);
          if (result?.data) toast("Entry deleted", { description: "The scores no longer count it." });
          else toast(result?.serverError ?? "We couldn't delete that entry just now. Please try again.", { tone: "error" });
        })
      }
    >
      The scores are recalculated without it.
    </ConfirmButton>
  );
}
