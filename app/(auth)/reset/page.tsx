import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {typeof token === "string" && token.length > 0 ? (
        <ResetForm token={token} />
      ) : (
        <div className="mt-4">
          <Alert tone="error">This link is incomplete. Open the whole link from the e-mail, or ask for a new one.</Alert>
        </div>
      )}
      <p className="mt-6 text-sm">
        <Link href="/forgot" className="font-medium text-accent-text underline">
          Ask for a new link
        </Link>
      </p>
    </Card>
  );
}
