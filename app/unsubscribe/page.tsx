import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { getDigestSubscriber } from "@/db/queries/digest";
import { buttonClass } from "@/components/ui/button-class";
import { Logo } from "@/components/ui/logo";
import { verifyUnsubscribeToken } from "@/lib/digest/unsubscribe";
import { unsubscribeParamsSchema } from "@/lib/validation/digest";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "ada@example.com" → "a•••@example.com": enough to recognise, not enough to learn. */
function masked(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * Opened from the digest's unsubscribe link, signed in or not. It asks before it acts (link
 * scanners open every link in a mail), and the button posts to the one-click endpoint.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  if (params.done === "1") {
    return (
      <Frame title="You're unsubscribed">
        <p>
          No more weekly digests. Your network is still there whenever you want it — and if you miss the weekly nudge,
          turn it back on under Settings.
        </p>
        <Link href="/w" className={buttonClass("secondary")}>
          Open Mutual
        </Link>
      </Frame>
    );
  }
  const parsed = unsubscribeParamsSchema.safeParse({ u: params.u, t: params.t });
  const subscriber = parsed.success && verifyUnsubscribeToken(parsed.data.u, parsed.data.t) ? await getDigestSubscriber(await getDb(), parsed.data.u) : undefined;
  if (!parsed.success || !subscriber) {
    return (
      <Frame title="This link doesn't work">
        <p>It may have been cut short when it was copied. Open it from the digest again, or sign in and turn the digest off under Settings.</p>
        <Link href="/sign-in" className={buttonClass("secondary")}>
          Sign in
        </Link>
      </Frame>
    );
  }
  const action = `/unsubscribe/one-click?${new URLSearchParams(parsed.data).toString()}`;
  return (
    <Frame title="Stop the weekly digest?">
      <p>
        {subscriber.enabled
          ? `The weekly digest for ${masked(subscriber.email)} will stop — in every workspace.`
          : `The weekly digest for ${masked(subscriber.email)} is already off.`}
      </p>
      {subscriber.enabled && (
        <form method="post" action={action}>
          <button type="submit" className={buttonClass("primary")}>
            Unsubscribe
          </button>
        </form>
      )}
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10">
      <Logo />
      <main className="mt-8 flex w-full max-w-sm flex-col gap-4 rounded-card border border-line bg-surface p-6 text-sm text-ink-muted shadow-sm">
        <h1 className="text-xl font-semibold text-ink">{title}</h1>
        {children}
      </main>
    </div>
  );
}
