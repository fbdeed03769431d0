"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { signUp } from "./actions";

export function SignUpForm() {
  const { execute, result, isPending } = useAction(signUp);
  const errors = formErrors(result);

  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        execute({
          name: String(fd.get("name") ?? ""),
          email: String(fd.get("email") ?? ""),
          password: String(fd.get("password") ?? ""),
          // The browser knows where the user is; the digest week follows it.
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Your name" name="name" autoComplete="name" required error={errors.field("name")} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required error={errors.field("email")} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A short sentence works well.`}
        error={errors.field("password")}
      />
      <Button type="submit" pending={isPending} pendingLabel="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
