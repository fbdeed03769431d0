import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackUrl(params.callbackUrl) : undefined;
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  if (await getCurrentUser()) redirect(callbackUrl ?? "/w");
  return (
    <Card>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-ink-muted">Free to start. Your own network space comes with it.</p>
      <SignUpForm email={email} callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-ink-muted">
        Already have an account?{" "}
        <Link href={callbackUrl ? `/sign-in?${new URLSearchParams({ callbackUrl })}` : "/sign-in"} className="font-medium text-accent-text underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
