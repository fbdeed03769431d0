"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteInteractionAction } from "./actions";

export function DeleteInteractionButton({ slug, id }: { slug: string; id: string }) {
  const remove = useAction(deleteInteractionAction.bind(null, slug), { onSuccess: () => toast("Entry deleted", { description: "The scores no longer count it." }) });
  return (
    <ConfirmButton
      label="Delete entry"
      title="Delete this entry?"
      confirmLabel="Delete"
      variant="ghost"
      pending={remove.isPending}
      onConfirm={() => remove.execute({ id })}
    >
      The scores are recalculated without it.
    </ConfirmButton>
  );
}
