"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";

// Inside the workspace, the navigation stays: the way back is one click. Only a generic
// message is shown; error.message may carry internals in production builds.
export default function WorkspaceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { workspace } = useParams<{ workspace: string }>();
  return (
    <div role="alert" className="flex min-h-[40dvh] flex-col items-start justify-center gap-4">
      <h1 className="text-title">This page didn&apos;t load</h1>
      <p className="max-w-md text-sm text-ink-muted">
        Something went wrong on our side — nothing you did, and nothing you saved is lost. Try again in a moment.
      </p>
      <div className="flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href={`/w/${workspace}`} className="self-center font-medium text-accent-text underline">
          Back to the dashboard
        </Link>
      </div>
    </div>
  );
}
