import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button-class";
import { getDb } from "@/db/client";
import { findInvitation } from "@/db/queries/team";
import { roleLabels } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/session";
import { invitationTokenSchema } from "@/lib/validation/team";
import { AcceptButton, SwitchAccountButton } from "./invite-buttons";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = invitationTokenSchema.safeParse({ token });
  const invitation = valid.success ? await findInvitation(await getDb(), token) : undefined;
  const user = await getCurrentUser();

  if (!invitation) {
    return (
      <Message title="This invitation link doesn't work">
        It may have been revoked, or a newer invitation was sent. Ask the person who invited you for a fresh link.
      </Message>
    );
  }
  if (invitation.state === "used") {
    return (
      <Message title="This invitation was already accepted">
        <Link href={user ? `/w/${invitation.workspaceSlug}` : "/sign-in"} className="font-medium text-accent-text underline">
          {user ? `Open ${invitation.workspaceName}` : "Sign in"}
        </Link>{" "}
        to get to the workspace.
      </Message>
    );
  }
  if (invitation.state === "expired") {
    return (
      <Message title="This invitation has expired">
        Invitations work for 7 days. Ask {invitation.inviter ?? "the person who invited you"} to send it again.
      </Message>
    );
  }

  const here = `/invite/${token}`;
  const mine = user?.email.toLowerCase() === invitation.email;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
      <p className="mt-2 text-sm text-ink-muted">
        {invitation.inviter ?? "A teammate"} invited <span className="font-medium text-ink">{invitation.email}</span> as{" "}
        {roleLabels[invitation.role].toLowerCase()}. You&apos;ll share contacts and team notes, and see who on the team
        knows whom — your private notes stay yours.
      </p>
      {!user && (
        <div className="mt-6 flex flex-col gap-3">
          <Link
            href={`/sign-up?${new URLSearchParams({ email: invitation.email, callbackUrl: here })}`}
            className={buttonClass()}
          >
            Create an account
          </Link>
          <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: here })}`} className={buttonClass("secondary")}>
            I have an account — sign in
          </Link>
        </div>
      )}
      {user && mine && <AcceptButton token={token} workspace={invitation.workspaceName} />}
      {user && !mine && (
        <>
          <p role="alert" className="mt-4 rounded-lg border border-warn-line bg-warn-soft px-4 py-3 text-sm text-warn-fg">
            You&apos;re signed in as {user.email}, but this invitation is for {invitation.email}.
          </p>
          <SwitchAccountButton token={token} />
        </>
      )}
    </Card>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-ink-muted">{children}</p>
    </Card>
  );
}
