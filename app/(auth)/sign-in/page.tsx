import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { OAuthButtons } from "./oauth-buttons";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/w");
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Welcome back</h1>
      <p className="mt-1 text-sm text-ink-muted">Who could use a hand from you this week?</p>
      <div className="mt-4 empty:hidden">
        {params.reset === "1" && <Alert tone="success">Your password is changed. Sign in with the new one.</Alert>}
        {typeof params.error === "string" && (
          <Alert tone="error">We couldn&apos;t sign you in that way. Please try again.</Alert>
        )}
      </div>
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={safeCallbackUrl(callbackUrl)} />
      <div className="mt-6 flex flex-col gap-2 text-sm text-ink-muted">
        <Link href="/forgot" className="font-medium text-accent-text underline">
          Forgot your password?
        </Link>
        <p>
          New to Mutual?{" "}
          <Link href="/sign-up" className="font-medium text-accent-text underline">
            Create an account
          </Link>
        </p>
      </div>
    </Card>
  );
}
