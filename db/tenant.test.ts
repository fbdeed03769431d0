import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows, type Db } from "@/db/client";
import { contacts, interactions, notes } from "@/db/schema";
import { createContact, listContacts } from "@/db/queries/contacts";
import { logInteraction } from "@/db/queries/ledger";
import { createNote } from "@/db/queries/notes";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { asSystem, inTenant, TENANT_ROLE } from "./tenant";

/** The database's own message: drizzle wraps it as "Failed query: …" with the error as cause. */
async function dbError(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(err);
  }
  return "(no error)";
}

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const TENANT_TABLES = [
  "contacts",
  "notes",
  "interactions",
  "promises",
  "relationship_stats",
  "member_flows",
  "invitations",
  "activity",
  "audit_log",
  "digest_deliveries",
];

/** Two workspaces, each with a contact, a note and a logged give. */
async function twoWorkspaces() {
  const [a, b] = [await makeScopedUser(), await makeScopedUser()];
  for (const who of [a, b]) {
    const { id } = await createContact(db, who.scope, contactInput({ name: `Rowan ${who.workspaceId.slice(0, 6)}` }));
    await createNote(db, who.scope, { contactId: id, body: "a team fact", visibility: "team" });
    await logInteraction(db, who.scope, { contactId: id, direction: "gave", kind: "advice", weight: 2, occurredAt: new Date(), summary: "advice", details: null });
  }
  return { a, b };
}

describe("row-level security: the backstop under the workspace filters", () => {
  it("is on for every tenant table, with a policy for the tenant role", async () => {
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean; policies: number }>(
      db,
      sql`select c.relname, c.relrowsecurity,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relname in (${sql.join(TENANT_TABLES.map((t) => sql`${t}`), sql`, `)})`,
    );
    expect(rows.map((r) => r.relname).sort()).toEqual([...TENANT_TABLES].sort());
    for (const r of rows) expect(r, r.relname).toMatchObject({ relrowsecurity: true, policies: 1 });
  });

  it("a query without any workspace filter sees only the bound workspace's rows", async () => {
    const { a, b } = await twoWorkspaces();
    const seen = await inTenant(db, a.workspaceId, async (tx) => ({
      contacts: await tx.select({ ws: contacts.workspaceId }).from(contacts),
      notes: await tx.select({ ws: notes.workspaceId }).from(notes),
      interactions: await tx.select({ ws: interactions.workspaceId }).from(interactions),
    }));
    for (const [table, rows] of Object.entries(seen)) {
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.ws)), table).toEqual(new Set([a.workspaceId]));
    }
    // The same forgetful query as b sees b's rows, and never a's.
    const asB = await inTenant(db, b.workspaceId, (tx) => tx.select({ ws: contacts.workspaceId }).from(contacts));
    expect(new Set(asB.map((r) => r.ws))).toEqual(new Set([b.workspaceId]));
  });

  it("writing another workspace's id is refused, and the transaction leaves nothing behind", async () => {
    const { a, b } = await twoWorkspaces();
    expect(
      await dbError(
        inTenant(db, a.workspaceId, (tx) =>
          tx.insert(contacts).values({ workspaceId: b.workspaceId, createdBy: a.scope.userId, name: "Smuggled", searchText: "smuggled" }),
        ),
      ),
    ).toMatch(/row-level security/);
    // Moving a's rows into b by UPDATE is refused too.
    expect(await dbError(inTenant(db, a.workspaceId, (tx) => tx.update(contacts).set({ workspaceId: b.workspaceId }).where(sql`true`)))).toMatch(
      /row-level security/,
    );
    const bNames = await listContacts(db, b.scope, contactListQuerySchema.parse({}));
    expect(bNames.items.map((c) => c.name)).not.toContain("Smuggled");
    expect((await listContacts(db, a.scope, contactListQuerySchema.parse({}))).items).toHaveLength(1);
  });

  it("the tenant role cannot lift the policies: no workspace bound sees nothing; it cannot turn RLS off, and owns nothing", async () => {
    await twoWorkspaces();
    const attempt = (statement: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', ${TENANT_ROLE}, true)`);
        return queryRows<Record<string, unknown>>(tx, statement);
      });
    expect(await attempt(sql`select count(*)::int as n from contacts`)).toEqual([{ n: 0 }]);
    expect(await attempt(sql`select count(*)::int as n from interactions`)).toEqual([{ n: 0 }]);
    expect(await dbError(attempt(sql`alter table contacts disable row level security`))).toMatch(/must be owner/);
    expect(
      await dbError(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('role', ${TENANT_ROLE}, true)`);
          await tx.execute(sql`set local row_security = off`);
          return queryRows(tx, sql`select 1 from contacts`);
        }),
      ),
    ).toMatch(/row-level security/);
    const [role] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      db,
      sql`select rolsuper, rolbypassrls,
                 (select count(*)::int from pg_class where relowner = r.oid) as owns
            from pg_roles r where rolname = ${TENANT_ROLE}`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it("binding a transaction to one workspace and then using it for another throws", async () => {
    const { a, b } = await twoWorkspaces();
    await expect(inTenant(db, a.workspaceId, (tx) => inTenant(tx, b.workspaceId, async () => 1))).rejects.toThrow(/another/);
  });

  it("inside a system transaction it binds a savepoint and gives the role and setting back", async () => {
    const { a } = await twoWorkspaces();
    const after = await db.transaction(async (tx) => {
      const inside = await inTenant(tx, a.workspaceId, (t) =>
        queryRows<{ role: string }>(t, sql`select current_user as role`),
      );
      expect(inside).toEqual([{ role: TENANT_ROLE }]);
      return queryRows<{ role: string; ws: string | null }>(
        tx,
        sql`select current_user as role, nullif(current_setting('app.workspace_id', true), '') as ws`,
      );
    });
    expect(after[0]?.role).not.toBe(TENANT_ROLE);
    expect(after[0]?.ws).toBeNull();
  });
});

describe("locked down, as the server runs: connections start as the tenant role", () => {
  // A database of its own (PGlite, one session), migrated as the owner, then locked as the
  // server locks its own after migrating (lib/startup.ts → lockDownToTenantRole).
  let locked: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const schema = await import("@/db/schema");
    const client = await PGlite.create({ extensions: { pg_trgm } });
    const pglite = drizzle({ client, schema, casing: "snake_case" });
    await migrate(pglite, { migrationsFolder: "db/migrations" });
    await client.exec(`set role ${TENANT_ROLE}`);
    locked = pglite as unknown as Db;
    close = () => client.close();
  });
  afterAll(() => close());

  it("a query outside inTenant() sees no tenant rows; inTenant() sees its workspace; asSystem() sees all", async () => {
    const { createAccount } = await import("@/db/queries/users");
    const { listWorkspacesForUser } = await import("@/db/queries/workspaces");
    const scopes = [];
    for (const name of ["Lock One", "Lock Two"]) {
      const account = await createAccount(locked, { name, email: `${name.replace(" ", "-")}-${Date.now()}@example.test`, passwordHash: null, timeZone: "UTC" });
      const [ws] = await listWorkspacesForUser(locked, account!.user.id);
      const scope = { workspaceId: ws!.id, userId: account!.user.id };
      await createContact(locked, scope, contactInput({ name: `Kept by ${name}` }));
      scopes.push(scope);
    }
    expect(await queryRows(locked, sql`select count(*)::int as n from contacts`)).toEqual([{ n: 0 }]);
    expect(await locked.select().from(contacts)).toEqual([]);
    const mine = await listContacts(locked, scopes[0]!, contactListQuerySchema.parse({}));
    expect(mine.items.map((c) => c.name)).toEqual(["Kept by Lock One"]);
    const all = await asSystem(locked, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from contacts`));
    expect(all).toEqual([{ n: 2 }]);
    // And back to nothing once the system transaction is over.
    expect(await queryRows(locked, sql`select count(*)::int as n from contacts`)).toEqual([{ n: 0 }]);
  });

  it("the cross-workspace jobs still work: personal export and account deletion", async () => {
    const { createAccount } = await import("@/db/queries/users");
    const { listWorkspacesForUser } = await import("@/db/queries/workspaces");
    const { exportPersonalData } = await import("@/db/queries/export");
    const { deleteAccount } = await import("@/db/queries/account-deletion");
    const account = await createAccount(locked, { name: "Leaving", email: `leaving-${Date.now()}@example.test`, passwordHash: null, timeZone: "UTC" });
    const [ws] = await listWorkspacesForUser(locked, account!.user.id);
    const scope = { workspaceId: ws!.id, userId: account!.user.id };
    await createContact(locked, scope, contactInput({ name: "Exported Erin" }));
    const data = await exportPersonalData(locked, account!.user.id);
    expect(JSON.stringify(data)).toContain("Exported Erin");
    await deleteAccount(locked, account!.user.id);
    const left = await asSystem(locked, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from contacts where workspace_id = ${ws!.id}`));
    expect(left).toEqual([{ n: 0 }]);
  });
});
