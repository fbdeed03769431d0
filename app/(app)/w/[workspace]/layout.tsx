import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { AppShell } from "@/components/app-shell/app-shell";
import { Providers } from "@/components/providers";
import { requireMember } from "@/lib/session";

type Props = { children: ReactNode; params: Promise<{ workspace: string }> };

export default async function WorkspaceLayout({ children, params }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const workspaces = await listWorkspacesForUser(await getDb(), user.id);
  return (
    <Providers>
      <AppShell user={user} workspace={workspace} workspaces={workspaces}>
        {children}
      </AppShell>
    </Providers>
  );
}
