"use client";

import { useAction } from "next-safe-action/hooks";
import { resendVerification } from "./actions";

export function VerifyBanner({ email }: { email: string }) {
  const { execute, result, isPending } = useAction(resendVerification);
  return (
    <div role="status" className="border-b border-warn-line bg-warn-soft">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-warn-fg">
        Please confirm your e-mail — we sent a link to <strong>{email}</strong>.{" "}
        {result.data?.sent ? (
          <span>A new link is on its way.</span>
        ) : (
          <button
            type="button"
            onClick={() => execute()}
            disabled={isPending}
            className="font-medium underline disabled:opacity-60"
          >
            {isPending ? "Sending…" : "Send it again"}
          </button>
        )}
        {result.serverError && <span className="ml-2 text-danger-fg">{result.serverError}</span>}
      </p>
    </div>
  );
}
