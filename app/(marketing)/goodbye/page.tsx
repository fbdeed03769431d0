import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { buttonClass } from "@/components/ui/button-class";

export const metadata: Metadata = { title: "Your account is deleted" };

/** Where a deleted account lands: signed out, with what was kept said once more. */
export default function GoodbyePage() {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10">
      <Logo />
      <main className="mt-10 w-full max-w-md text-center">
        <h1 className="text-title">Your account is deleted</h1>
        <p className="mt-3 text-sm text-ink-muted">
          Your personal data is gone and you are signed out everywhere. Notes you shared with a team stay with them, without
          your name. Thank you for every favour you gave.
        </p>
        <Link href="/" className={`${buttonClass("secondary")} mt-6`}>
          Back to Mutual
        </Link>
      </main>
    </div>
  );
}
