"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";

// Inside a workspace the navigation stays, so the way back is right there too.
export default function WorkspaceNotFound() {
  const { workspace } = useParams<{ workspace: string }>();
  return (
    <div className="flex min-h-[40dvh] flex-col items-start justify-center gap-4">
      <h1 className="text-title">We couldn&apos;t find that page</h1>
      <p className="max-w-md text-sm text-ink-muted">
        The contact may have been deleted, or the link is mistyped. Nothing is lost on your side.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/w/${workspace}/contacts`} className={buttonClass("primary")}>
          Find them in Contacts
        </Link>
        <Link href={`/w/${workspace}`} className={buttonClass("secondary")}>
          Back to the dashboard
        </Link>
      </div>
    </div>
  );
}
