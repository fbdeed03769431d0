"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { createWorkspaceAction } from "./actions";

export function NewWorkspaceForm() {
  const { execute, result, isPending } = useAction(createWorkspaceAction);
  const errors = formErrors(result);
  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ name: String(new FormData(e.currentTarget).get("name") ?? "") });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Workspace name" name="name" placeholder="Acme partnerships" required error={errors.field("name")} />
      <Button type="submit" pending={isPending} pendingLabel="Creating…">
        Create workspace
      </Button>
    </form>
  );
}
