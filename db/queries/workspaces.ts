import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { memberships, workspaces, type Role } from "@/db/schema";
import { slugify, withSuffix } from "@/lib/slug";

export type WorkspaceSummary = { id: string; slug: string; name: string; personal: boolean; role: Role };

/** Creates a workspace with its owner. Slugs are unique; a taken one gets a short suffix. */
export async function createWorkspace(
  db: Db | Tx,
  input: { name: string; ownerId: string; personal?: boolean },
): Promise<{ id: string; slug: string }> {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 6; attempt++) {
    const slug = attempt === 0 && !input.personal ? base : withSuffix(base);
    const [ws] = await db
      .insert(workspaces)
      .values({ slug, name: input.name, personal: input.personal ?? false })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning({ id: workspaces.id, slug: workspaces.slug });
    if (ws) {
      await db.insert(memberships).values({ workspaceId: ws.id, userId: input.ownerId, role: "owner" });
      return ws;
    }
  }
  throw new Error(`createWorkspace: no free slug for "${base}"`);
}

export async function listWorkspacesForUser(db: Db, userId: string): Promise<WorkspaceSummary[]> {
  return db
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      personal: workspaces.personal,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(workspaces.personal), asc(workspaces.name));
}

/** The workspace behind `slug` if `userId` is a member of it; undefined otherwise (→ 404). */
export async function getMembershipBySlug(db: Db, userId: string, slug: string): Promise<WorkspaceSummary | undefined> {
  const [row] = await db
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      personal: workspaces.personal,
      role: memberships.role,
    })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId)))
    .where(eq(workspaces.slug, slug))
    .limit(1);
  return row;
}
