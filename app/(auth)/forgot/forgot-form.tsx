"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { requestPasswordReset } from "./actions";

export function ForgotForm() {
  const { execute, result, isPending } = useAction(requestPasswordReset);
  const errors = formErrors(result);
  if (result.data?.sent) {
    return (
      <div className="mt-6">
        <Alert tone="success">
          If an account uses that address, a reset link is on its way. It works once, for one hour.
        </Alert>
      </div>
    );
  }
  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ email: String(new FormData(e.currentTarget).get("email") ?? "") });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="E-mail" name="email" type="email" autoComplete="email" required error={errors.field("email")} />
      <Button type="submit" pending={isPending} pendingLabel="Sending…">
        Send reset link
      </Button>
    </form>
  );
}
