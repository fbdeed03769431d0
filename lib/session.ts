import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getMembershipBySlug, type WorkspaceSummary } from "@/db/queries/workspaces";
import { auth } from "@/lib/auth";
import { surfacingDbFailures } from "@/lib/db-errors";
import { UserError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { workspaceSlug } from "@/lib/validation/workspaces";

export type CurrentUser = { id: string; name: string; email: string; emailVerified: boolean; timeZone: string };

/** The signed-in user, checked against the database for this request; null when signed out. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // A database that is briefly gone must not look like "signed out" (see lib/db-errors.ts).
  const session = await surfacingDbFailures(() => auth());
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, name: u.name ?? "", email: u.email ?? "", emailVerified: u.verified, timeZone: u.timeZone };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export type MemberContext = { user: CurrentUser; workspace: WorkspaceSummary };

/**
 * The caller's membership of the workspace at `slug`, read from the database on every
 * request. Not a member (or no such workspace) → 404, so nobody learns what exists.
 * Lacking `permission` → a UserError the caller can show.
 */
export const requireMember = cache(async (slug: string, permission?: Permission): Promise<MemberContext> => {
  const user = await requireUser();
  const workspace = await findMembership(user.id, slug);
  if (!workspace) notFound();
  if (permission && !can(workspace.role, permission)) {
    throw new UserError("Your role in this workspace does not allow that. Ask an owner or admin.");
  }
  return { user, workspace };
});

async function findMembership(userId: string, slug: string): Promise<WorkspaceSummary | undefined> {
  if (!workspaceSlug.safeParse(slug).success) return undefined;
  return getMembershipBySlug(await getDb(), userId, slug);
}

/** For route handlers: the member context, or null (→ answer 404) — never a redirect. */
export async function getMember(slug: string): Promise<MemberContext | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const workspace = await findMembership(user.id, slug);
  return workspace ? { user, workspace } : null;
}
