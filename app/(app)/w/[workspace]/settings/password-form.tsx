"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { changePassword } from "./actions";

export function PasswordForm({ slug }: { slug: string }) {
  const { execute, result, isPending } = useAction(changePassword.bind(null, slug));
  const errors = formErrors(result);
  return (
    <form
      className="mt-4 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        execute({
          currentPassword: String(fd.get("currentPassword") ?? ""),
          newPassword: String(fd.get("newPassword") ?? ""),
        });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.field("currentPassword")}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.field("newPassword")}
      />
      <div>
        <Button type="submit" pending={isPending} pendingLabel="Saving…">
          Change password
        </Button>
      </div>
    </form>
  );
}
