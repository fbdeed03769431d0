import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/lib/session";
import { DigestPreferences } from "./digest-preferences";
import { DeleteWorkspace } from "@/components/workspace/delete-workspace";
import { can } from "@/lib/permissions";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { YourData } from "./your-data";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ saved?: string }> };

export default async function SettingsPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const { saved } = await searchParams;
  const timeZones = Intl.supportedValuesOf("timeZone");
  if (!timeZones.includes("UTC")) timeZones.unshift("UTC");
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <h1 className="text-title">Settings</h1>
      {saved === "password" && (
        <Alert tone="success">Your password is changed. Other devices have been signed out.</Alert>
      )}
      <Card>
        <h2 className="text-heading">Profile</h2>
        <p className="mt-1 text-sm text-ink-muted">Your time zone decides when your week starts and ends in the digest.</p>
        <ProfileForm slug={slug} name={user.name} timeZone={user.timeZone} timeZones={timeZones} />
      </Card>
      <Card>
        <DigestPreferences slug={slug} userId={user.id} />
      </Card>
      <Card>
        <h2 className="text-heading">Password</h2>
        <p className="mt-1 text-sm text-ink-muted">Saving a new password signs you out everywhere else.</p>
        <PasswordForm slug={slug} />
      </Card>
      <Card>
        <YourData email={user.email} />
      </Card>
      {/* Until the team page hosts it: only an owner of a team workspace sees this. */}
      {!workspace.personal && can(workspace.role, "workspace:delete") && (
        <Card>
          <DeleteWorkspace slug={slug} name={workspace.name} />
        </Card>
      )}
    </div>
  );
}
