import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/session";
import { NewWorkspaceForm } from "./new-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  await requireUser();
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10">
      <Logo href="/w" />
      <main className="mt-8 w-full max-w-md">
        <Card>
          <h1 className="text-xl font-semibold">New workspace</h1>
          <p className="mt-1 text-sm text-ink-muted">
            A workspace is shared with the teammates you invite: contacts and team notes are visible to all of them,
            private notes stay yours.
          </p>
          <NewWorkspaceForm />
          <p className="mt-6 text-sm">
            <Link href="/w" className="font-medium text-accent-text underline">
              Cancel
            </Link>
          </p>
        </Card>
      </main>
    </div>
  );
}
