/** Who and what the benches measure in a workspace made by `npm run seed:large`. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { root } from "./server";

export const SEED_PASSWORD = "seed password 123";

export type BenchWorkspace = { id: string; personal: boolean };
export type BenchMember = { id: string; email: string; timeZone: string; interactions: number; relationships: number };

/** The workspace at `slug` and its member with the most interactions (or `email`). */
export async function pickMember(db: Db, slug: string, email?: string): Promise<{ workspace: BenchWorkspace; member: BenchMember }> {
  const [workspace] = await queryRows<BenchWorkspace>(db, sql`select id, personal from workspaces where slug = ${slug}`);
  if (!workspace) throw new Error(`No workspace "${slug}": run npm run seed:large first.`);
  // The rollup has every member's totals in a few thousand rows; counting 2,000,000 interactions would take seconds.
  const members = await queryRows<BenchMember>(
    db,
    sql`select u.id, u.email, u.time_zone as "timeZone",
          coalesce((select sum(gave_count + received_count + mutual_count) from member_flows f where f.workspace_id = m.workspace_id and f.user_id = u.id), 0)::int as interactions,
          (select count(*) from relationship_stats s where s.workspace_id = m.workspace_id and s.user_id = u.id)::int as relationships
        from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspace.id}
        order by interactions desc, u.email`,
  );
  const member = email ? members.find((m) => m.email === email) : members[0];
  if (!member) throw new Error(email ? `${email} is not a member of ${slug}` : `${slug} has no members`);
  return { workspace, member };
}

export type BenchContact = { id: string; name: string; mine: number };

/** The member's biggest relationship among live contacts: the heaviest contact page. */
export async function heaviestContact(db: Db, workspaceId: string, userId: string): Promise<BenchContact> {
  const [c] = await queryRows<BenchContact>(
    db,
    sql`select c.id, c.name, rs.interaction_count as mine from relationship_stats rs
        join contacts c on c.workspace_id = rs.workspace_id and c.id = rs.contact_id
        where rs.workspace_id = ${workspaceId} and rs.user_id = ${userId} and c.archived_at is null
        order by rs.interaction_count desc, c.id limit 1`,
  );
  if (!c) throw new Error("the member has no relationships to open a contact page for");
  return c;
}

/**
 * Where the bench logs its entries: an archived contact (hidden from the contact list and the
 * dashboard's relationship figures), the member's biggest such relationship so the write does
 * a real stats rewrite. The bench deletes what it logged afterwards.
 */
export async function logTarget(db: Db, workspaceId: string, userId: string): Promise<BenchContact> {
  const [c] = await queryRows<BenchContact>(
    db,
    sql`select c.id, c.name, coalesce(rs.interaction_count, 0) as mine from contacts c
        left join relationship_stats rs on rs.workspace_id = c.workspace_id and rs.contact_id = c.id and rs.user_id = ${userId}
        where c.workspace_id = ${workspaceId} and c.archived_at is not null
        order by rs.interaction_count desc nulls last, c.id limit 1`,
  );
  if (!c) throw new Error("no archived contact to log bench entries on");
  return c;
}

/**
 * A temporary PGlite folder filled by `npm run seed:large -- --scale small` (1,000 contacts: seconds).
 * Sets DATA_DIR for this process (the app's db/client opens it) and returns it; the caller removes it.
 */
export function seedSmallPglite(log: (msg: string) => void): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-small-"));
  log(`seeding PGlite in ${dataDir} (npm run seed:large -- --scale small)`);
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/seed-large.ts", "--scale", "small"], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: ["ignore", "inherit", "inherit"],
  });
  process.env.DATA_DIR = dataDir;
  return dataDir;
}
