"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

// Only a generic message: error.message may carry internals in production builds.
export default function AuthError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-4 text-center">
      <h1 className="text-title">That didn&apos;t go through</h1>
      <p className="text-sm text-ink-muted">Something went wrong on our side — nothing you did. Please try again in a moment.</p>
      <div className="flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="self-center font-medium text-accent-text underline">
          Back to the home page
        </Link>
      </div>
    </div>
  );
}
