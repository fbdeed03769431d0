"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { resetPassword } from "./actions";

export function ResetForm({ token }: { token: string }) {
  const { execute, result, isPending } = useAction(resetPassword);
  const errors = formErrors(result);
  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ token, password: String(new FormData(e.currentTarget).get("password") ?? "") });
      }}
    >
      {(errors.form ?? errors.field("token")) && <Alert tone="error">{errors.form ?? "This link is not valid."}</Alert>}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. Signing in elsewhere ends when you save.`}
        error={errors.field("password")}
      />
      <Button type="submit" pending={isPending} pendingLabel="Saving…">
        Save new password
      </Button>
    </form>
  );
}
