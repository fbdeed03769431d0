import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { makeUser } from "@/lib/testing/factories";
import { slugify } from "@/lib/slug";
import { createWorkspace, getMembershipBySlug, listWorkspacesForUser } from "./workspaces";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

/** A workspace name no other test (or earlier run on the same database) has used. */
function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

describe("createWorkspace", () => {
  it("uses the plain slug first, then a suffixed one for the same name", async () => {
    const { user } = await makeUser();
    const name = uniqueName("Acme Friends");

    const first = await createWorkspace(db, { name, ownerId: user.id });
    const second = await createWorkspace(db, { name, ownerId: user.id });

    expect(first.slug).toBe(slugify(name));
    expect(second.slug).toMatch(new RegExp(`^${slugify(name)}-[0-9a-f]{6}$`));
    expect(second.id).not.toBe(first.id);
  });

  it("makes the creator its owner", async () => {
    const { user } = await makeUser();
    const ws = await createWorkspace(db, { name: uniqueName("Owned"), ownerId: user.id });
    expect(await getMembershipBySlug(db, user.id, ws.slug)).toMatchObject({ id: ws.id, role: "owner", personal: false });
  });
});

describe("getMembershipBySlug", () => {
  it("resolves only for members: user B cannot reach user A's workspace", async () => {
    const a = await makeUser("Alice Adams");
    const b = await makeUser("Bob Brown");

    expect(await getMembershipBySlug(db, a.user.id, a.workspaceSlug)).toMatchObject({ role: "owner", personal: true });
    expect(await getMembershipBySlug(db, b.user.id, a.workspaceSlug)).toBeUndefined();
    expect(await getMembershipBySlug(db, a.user.id, b.workspaceSlug)).toBeUndefined();
  });

  it("answers the same for a slug that does not exist", async () => {
    const { user } = await makeUser();
    expect(await getMembershipBySlug(db, user.id, `no-such-${randomUUID()}`)).toBeUndefined();
  });

  it("returns the member's own role once added", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const ws = await createWorkspace(db, { name: uniqueName("Shared"), ownerId: a.user.id });
    await db.insert(memberships).values({ workspaceId: ws.id, userId: b.user.id, role: "member" });

    expect(await getMembershipBySlug(db, b.user.id, ws.slug)).toMatchObject({ id: ws.id, role: "member" });
    expect(await getMembershipBySlug(db, a.user.id, ws.slug)).toMatchObject({ id: ws.id, role: "owner" });
  });
});

describe("listWorkspacesForUser", () => {
  it("lists the personal workspace first, then the others by name", async () => {
    const { user, workspaceSlug } = await makeUser("Ada Lovelace");
    // "Aardvark…" sorts before "Ada's network": only the personal-first rule puts the personal one on top.
    const zebra = await createWorkspace(db, { name: uniqueName("Zebra"), ownerId: user.id });
    const aardvark = await createWorkspace(db, { name: uniqueName("Aardvark"), ownerId: user.id });

    const list = await listWorkspacesForUser(db, user.id);
    expect(list.map((w) => w.slug)).toEqual([workspaceSlug, aardvark.slug, zebra.slug]);
    expect(list[0]).toMatchObject({ name: "Ada's network", personal: true, role: "owner" });
  });

  it("includes workspaces shared with the user, with their role, and nobody else's", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const shared = await createWorkspace(db, { name: uniqueName("Team"), ownerId: a.user.id });
    await db.insert(memberships).values({ workspaceId: shared.id, userId: b.user.id, role: "admin" });

    const list = await listWorkspacesForUser(db, b.user.id);
    expect(list.map((w) => [w.slug, w.role])).toEqual([
      [b.workspaceSlug, "owner"],
      [shared.slug, "admin"],
    ]);
  });
});
