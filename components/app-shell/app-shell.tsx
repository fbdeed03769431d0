import type { ReactNode } from "react";
import type { WorkspaceSummary } from "@/db/queries/workspaces";
import type { CurrentUser } from "@/lib/session";
import { QuickLog } from "@/components/ledger/quick-log";
import { Logo } from "@/components/ui/logo";
import { todayIn } from "@/lib/dates";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { VerifyBanner } from "./verify-banner-lazy";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = { user: CurrentUser; workspace: WorkspaceSummary; workspaces: WorkspaceSummary[]; children: ReactNode };

export function AppShell({ user, workspace, workspaces, children }: Props) {
  const base = `/w/${workspace.slug}`;
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-3 sm:gap-x-4">
          <Logo href={base} compact />
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <NavLinks base={base} />
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <QuickLog slug={workspace.slug} today={todayIn(user.timeZone)} />
            <UserMenu user={{ name: user.name, email: user.email }} settingsHref={`${base}/settings`} />
          </div>
        </div>
      </header>
      {!user.emailVerified && <VerifyBanner email={user.email} />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:py-8">{children}</main>
    </div>
  );
}
