"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formErrors } from "@/lib/action-errors";
import { verifyEmail } from "./actions";

export function VerifyForm({ token }: { token: string }) {
  const { execute, result, isPending } = useAction(verifyEmail);
  const errors = formErrors(result);
  if (result.data?.verified) {
    return (
      <div className="mt-4 flex flex-col gap-4">
        <Alert tone="success">Thank you — your e-mail is confirmed.</Alert>
        <Link href="/w" className="font-medium text-accent-text underline">
          Go to your network
        </Link>
      </div>
    );
  }
  return (
    <div className="mt-4 flex flex-col gap-4">
      {(errors.form ?? errors.field("token")) && (
        <Alert tone="error">{errors.form ?? "This link is not valid."}</Alert>
      )}
      <p className="text-sm text-ink-muted">One click and we know this address reaches you.</p>
      <Button onClick={() => execute({ token })} pending={isPending} pendingLabel="Confirming…">
        Confirm my e-mail
      </Button>
    </div>
  );
}
