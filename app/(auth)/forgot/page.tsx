import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPage() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">Reset your password</h1>
      <p className="mt-1 text-sm text-ink-muted">Tell us your e-mail and we&apos;ll send you a link to choose a new one.</p>
      <ForgotForm />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="font-medium text-accent-text underline">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
