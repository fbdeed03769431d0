import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { createWorkspace, listWorkspacesForUser } from "@/db/queries/workspaces";
import { memberships } from "@/db/schema";
import { contactInputSchema, type ContactInput } from "@/lib/validation/contacts";

/** A fresh e-mail per call: tests share one database and never clean it, so they never collide. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID()}@example.test`;
}

export async function makeUser(name = "Ada Lovelace") {
  const account = await createAccount(await getDb(), {
    name,
    email: uniqueEmail(),
    passwordHash: null,
    timeZone: "Europe/London",
  });
  if (!account) throw new Error("makeUser: e-mail collision");
  return account;
}

/** A fresh user and their personal workspace, with the Scope the contact and note queries take. */
export async function makeScopedUser(name?: string) {
  const account = await makeUser(name);
  const [workspace] = await listWorkspacesForUser(await getDb(), account.user.id);
  if (!workspace) throw new Error("makeScopedUser: no personal workspace");
  return { ...account, workspaceId: workspace.id, scope: { workspaceId: workspace.id, userId: account.user.id } };
}

/** A valid contact as the form would send it: a name plus whatever the test cares about. */
export function contactInput(fields: Partial<z.input<typeof contactInputSchema>> = {}): ContactInput {
  return contactInputSchema.parse({ name: "Grace Hopper", ...fields });
}

/** A team workspace owned by one fresh user with a second fresh user as member, and each one's Scope in it. */
export async function makeTeam() {
  const db = await getDb();
  const owner = await makeScopedUser("Olivia Owner");
  const member = await makeScopedUser("Max Member");
  const team = await createWorkspace(db, { name: `Team ${randomUUID().slice(0, 8)}`, ownerId: owner.user.id });
  await db.insert(memberships).values({ workspaceId: team.id, userId: member.user.id, role: "member" });
  return {
    workspaceId: team.id,
    owner: { workspaceId: team.id, userId: owner.user.id },
    member: { workspaceId: team.id, userId: member.user.id },
    /** The owner in their personal workspace: same user, another tenant. */
    ownerElsewhere: owner.scope,
  };
}
