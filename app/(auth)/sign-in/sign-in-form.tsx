"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { execute, result, isPending } = useAction(signInWithPassword);
  const errors = formErrors(result);
  const message = result.data?.error ?? errors.form;

  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        execute({ email: String(fd.get("email") ?? ""), password: String(fd.get("password") ?? ""), callbackUrl });
      }}
    >
      {message && <Alert tone="error">{message}</Alert>}
      <Field label="E-mail" name="email" type="email" autoComplete="email" required error={errors.field("email")} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.field("password")}
      />
      <Button type="submit" pending={isPending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
