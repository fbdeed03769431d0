/**
 * The app's own login on PostgreSQL (DATABASE_OWNER_URL beside DATABASE_URL, db/client.ts): a
 * role that owns nothing, cannot get past row-level security and cannot become the owner, so
 * even SQL run as that login sees no workspace's rows unless inTenant() binds one. Logins and
 * ownership are a server's, so this file runs only on PostgreSQL (vitest.config.ts includes it
 * when DATABASE_URL is set; .ci/run does). It needs a suite login that may create roles.
 */
import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, openPostgres, queryRows, type Db } from "@/db/client";
import { deleteAccount } from "@/db/queries/account-deletion";
import { createContact, listContacts } from "@/db/queries/contacts";
import { exportPersonalData } from "@/db/queries/export";
import { createNote } from "@/db/queries/notes";
import { acceptInvitation, createInvitation, findInvitation } from "@/db/queries/team";
import { contactInput, makeScopedUser, makeUser } from "@/lib/testing/factories";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { asSystem, describeLogin, TENANT_ROLE } from "./tenant";

const suiteUrl = process.env.DATABASE_URL;
if (!suiteUrl) throw new Error("db/app-login.pg.test.ts runs on PostgreSQL only (DATABASE_URL)");

const login = `mutual_test_login_${randomBytes(4).toString("hex")}`;
/** Role names can't be bound parameters: quoted as identifiers (ours is hex, the owner's comes from the catalog). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
let owner: Db;
let app: { db: Db; close: () => Promise<void> };
let ownerLogin: string;

beforeAll(async () => {
  owner = await getDb();
  await owner.execute(sql.raw(`create role ${ident(login)} login in role ${ident(TENANT_ROLE)}`));
  const url = new URL(suiteUrl);
  url.username = login;
  url.password = "";
  app = openPostgres({ url: url.toString(), ownerUrl: suiteUrl, poolSize: 2 });
  [{ ownerLogin }] = (await queryRows<{ ownerLogin: string }>(
    owner,
    sql`select pg_get_userbyid(relowner) as "ownerLogin" from pg_class where oid = 'public.contacts'::regclass`,
  )) as [{ ownerLogin: string }];
});

afterAll(async () => {
  await app?.close();
  await owner.execute(sql.raw(`drop role if exists ${ident(login)}`));
});

/** The database's own message for a statement run as the app's login, or "(no error)". */
async function refusal(statements: SQL[]): Promise<string> {
  try {
    await app.db.transaction(async (tx) => {
      for (const s of statements) await tx.execute(s);
    });
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(err);
  }
  return "(no error)";
}

const count = (table: SQL) =>
  app.db.transaction(async (tx) => {
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${table}`);
    return row?.n;
  });

describe("the app's login on PostgreSQL owns nothing and cannot get past row-level security", () => {
  it("is no superuser, has no BYPASSRLS, owns nothing here and is not a member of the tables' owner", async () => {
    expect(await describeLogin(app.db)).toEqual({ login, superuser: false, bypassRls: false, owns: 0, canBecomeOwner: false });
    // The check itself tells the owner apart: the server refuses to start on such a login.
    const ownerReport = await describeLogin(owner);
    expect(ownerReport.owns > 0 || ownerReport.superuser).toBe(true);
  });

  it("SQL run as that login sees no workspace's rows, and it cannot lift the policies", async () => {
    const a = await makeScopedUser();
    await createContact(owner, a.scope, contactInput({ name: "Only In A" }));
    expect(await count(sql`contacts`)).toBe(0);
    expect(await count(sql`notes`)).toBe(0);
    // Dropping from the tenant role back to the login itself sees nothing either.
    const afterReset = await app.db.transaction(async (tx) => {
      await tx.execute(sql`set local role none`);
      return queryRows<{ who: string; n: number }>(tx, sql`select current_user as who, (select count(*)::int from contacts) as n`);
    });
    expect(afterReset).toEqual([{ who: login, n: 0 }]);
    // Binding a workspace by hand shows that workspace's rows only: the policy, not ownership.
    const bound = await app.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.workspace_id', ${a.workspaceId}, true)`);
      return queryRows<{ name: string }>(tx, sql`select name from contacts`);
    });
    expect(bound).toEqual([{ name: "Only In A" }]);

    expect(await refusal([sql.raw(`set role ${ident(ownerLogin)}`)])).toMatch(/permission denied/);
    expect(await refusal([sql.raw(`set session authorization ${ident(ownerLogin)}`)])).toMatch(/permission denied/);
    expect(await refusal([sql`alter table contacts disable row level security`])).toMatch(/must be owner/);
    expect(await refusal([sql`drop policy tenant_isolation on contacts`])).toMatch(/must be owner/);
    expect(await refusal([sql`set local role none`, sql`set local row_security = off`, sql`select 1 from contacts`])).toMatch(/row-level security/);
    expect(await refusal([sql`create table mutual_probe (id int)`])).toMatch(/permission denied/);
  });

  it("the data layer works through it: inTenant() for a workspace's data, asSystem() on the owner's pool", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const mine = await createContact(app.db, a.scope, contactInput({ name: "Priya Patel" }));
    await createContact(app.db, b.scope, contactInput({ name: "Priya Elsewhere" }));
    await createNote(app.db, a.scope, { contactId: mine.id, body: "loves sourdough baking", visibility: "private" });

    const list = await listContacts(app.db, a.scope, contactListQuerySchema.parse({}));
    expect(list.items.map((c) => c.name)).toEqual(["Priya Patel"]);
    // The search's candidates come from the owner's pool; what is shown is filtered again.
    const found = await listContacts(app.db, a.scope, contactListQuerySchema.parse({ q: "sourdough" }));
    expect(found.items.map((c) => c.name)).toEqual(["Priya Patel"]);

    expect(await asSystem(app.db, (tx) => queryRows<{ who: string }>(tx, sql`select current_user as who`))).toEqual([{ who: ownerLogin }]);

    // Invitations cross workspaces by design: found and accepted through the owner's pool.
    const invitee = await makeUser("Ines Invitee");
    const invite = await createInvitation(app.db, a.scope, { email: invitee.user.email, role: "member" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    expect((await findInvitation(app.db, invite.token))?.email).toBe(invitee.user.email);
    expect((await acceptInvitation(app.db, { id: invitee.user.id, email: invitee.user.email }, invite.token)).status).toBe("joined");
    const seenByInvitee = await listContacts(app.db, { workspaceId: a.workspaceId, userId: invitee.user.id }, contactListQuerySchema.parse({}));
    expect(seenByInvitee.items.map((c) => c.name)).toEqual(["Priya Patel"]);

    const data = await exportPersonalData(app.db, a.user.id);
    expect(JSON.stringify(data)).toContain("loves sourdough baking");
    await deleteAccount(app.db, b.user.id);
    expect(await asSystem(app.db, (tx) => queryRows(tx, sql`select 1 from contacts where workspace_id = ${b.workspaceId}`))).toEqual([]);
  });
});
