"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteContactAction, setArchivedAction } from "../actions";

type Props = { slug: string; id: string; name: string; archived: boolean; mayDelete: boolean };

export function ContactActions({ slug, id, name, archived, mayDelete }: Props) {
  const router = useRouter();
  const archive = useAction(setArchivedAction.bind(null, slug), {
    onSuccess: ({ input }) => {
      router.refresh();
      toast(input.archived ? `Archived ${name}` : `${name} is back in your contacts`);
    },
  });
  const remove = useAction(deleteContactAction.bind(null, slug));
  const error = archive.result.serverError ?? remove.result.serverError;
  return (
    <>
      <Button
        variant="secondary"
        pending={archive.isPending}
        onClick={() => archive.execute({ id, archived: !archived })}
      >
        {archived ? "Restore" : "Archive"}
      </Button>
      {mayDelete && (
        <ConfirmButton
          label="Delete"
          title={`Delete ${name}?`}
          confirmLabel="Delete for good"
          pending={remove.isPending}
          onConfirm={() => remove.execute({ id })}
        >
          The contact and every note about them are removed for everyone in this workspace. This can&apos;t be
          undone — archive instead if you only want them out of the list.
        </ConfirmButton>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-danger-fg">
          {error}
        </p>
      )}
    </>
  );
}
