import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Confirm your e-mail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Confirming takes a click rather than happening on GET: mail scanners open links too.
export default async function VerifyPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Confirm your e-mail</h1>
      {typeof token === "string" && token.length > 0 ? (
        <VerifyForm token={token} />
      ) : (
        <div className="mt-4">
          <Alert tone="error">This link is incomplete. Open the whole link from the e-mail.</Alert>
        </div>
      )}
    </Card>
  );
}
