"use client";

import Link from "next/link";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { signUp } from "./actions";

/**
 * `email` prefills the address (from an invitation); `callbackUrl` is where signing in
 * leads once the account is made. The answer is the same for every address (no one learns
 * here whether it has an account): check your inbox, then sign in.
 */
export function SignUpForm({ email, callbackUrl }: { email?: string; callbackUrl?: string }) {
  const { execute, result, isPending } = useAction(signUp);
  const [sentTo, setSentTo] = useState("");
  const errors = formErrors(result);

  if (result.data?.sent) {
    const signIn = `/sign-in?${new URLSearchParams({ callbackUrl: callbackUrl ?? "/w?welcome=1" })}`;
    return (
      <div className="mt-6 flex flex-col gap-4">
        <Alert tone="success">
          <strong className="font-semibold">Check your inbox.</strong> We sent a message to {sentTo}: open the link in
          it to confirm your address. If the address already has an account, the message tells you how to get back in.
        </Alert>
        <p className="text-sm text-ink-muted">Then sign in with your e-mail and password, and start with the people you know.</p>
        <Link href={signIn} className={buttonClass("primary")}>
          Sign in
        </Link>
        <p className="text-sm text-ink-muted">Nothing after a few minutes? Look in your spam folder, or sign up again.</p>
      </div>
    );
  }

  return (
    <form
      className="mt-6 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        setSentTo(String(fd.get("email") ?? "").trim());
        execute({
          name: String(fd.get("name") ?? ""),
          email: String(fd.get("email") ?? ""),
          password: String(fd.get("password") ?? ""),
          callbackUrl,
          // The browser knows where the user is; the digest week follows it.
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Your name" name="name" autoComplete="name" required error={errors.field("name")} />
      <Field
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={email}
        required
        error={errors.field("email")}
      />
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
      <Button type="submit" pending={isPending} pendingLabel="Sending…">
        Create account
      </Button>
    </form>
  );
}
