import type { ReactNode } from "react";
import type { WorkspaceSummary } from "@/db/queries/workspaces";
import type { CurrentUser } from "@/lib/session";
import { QuickLog } from "@/components/ledger/quick-log";
import { Logo } from "@/components/ui/logo";
import { todayIn } from "@/lib/dates";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { VerifyBanner } from "./verify-banner";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = { user: CurrentUser; workspace: WorkspaceSummary; workspaces: WorkspaceSummary[]; children: ReactNode };

export function AppShell({ user, workspace, workspaces, children }: Props) {
  const base = `/w/${workspace.slug}`;
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
          <Logo href={base} />
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <NavLinks base={base} />
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <QuickLog slug={workspace.slug} today={todayIn(user.timeZone)} />
            <UserMenu user={user} settingsHref={`${base}/settings`} />
          </div>
        </div>
      </header>
      {!user.emailVerified && <VerifyBanner email={user.email} />}
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
