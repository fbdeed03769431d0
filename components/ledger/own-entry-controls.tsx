"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DeleteInteractionButton } from "./delete-interaction-button";
import { LogInteractionForm, type EditedInteraction } from "./log-form";

type Props = { slug: string; contactId: string; contactName: string; today: string; entry: EditedInteraction };

/** Edit and delete, on the entries the viewer logged themselves. */
export function OwnEntryControls({ slug, contactId, contactName, today, entry }: Props) {
  const [editing, setEditing] = useState(false);
  return editing ? (
    <div className="mt-2 w-full border-t border-line-subtle pt-3">
      <LogInteractionForm
        slug={slug}
        contactId={contactId}
        contactName={contactName}
        today={today}
        editing={entry}
        onLogged={() => setEditing(false)}
      />
      <Button variant="ghost" className="mt-2" onClick={() => setEditing(false)}>
        Cancel
      </Button>
    </div>
  ) : (
    <div className="flex gap-1">
      <Button variant="ghost" className="!px-2 !py-1" onClick={() => setEditing(true)}>
        Edit
      </Button>
      <DeleteInteractionButton slug={slug} id={entry.id} />
    </div>
  );
}
