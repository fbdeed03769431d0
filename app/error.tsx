"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

// Shows a generic message only: error.message may carry internals in production builds.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-title">Something went wrong on our side</h1>
      <p className="max-w-md text-sm text-ink-muted">Nothing you did. Please try again in a moment.</p>
      <div className="flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/w" className="self-center font-medium text-accent-text underline">
          Back to your network
        </Link>
      </div>
    </div>
  );
}
