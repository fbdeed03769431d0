import "server-only";
import { inTenant } from "@/db/tenant";
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "@/db/client";
import type { ParsedImport } from "@/lib/import";
import { nameCompanyKey, planImport, type ExistingContact, type ImportPlan, type OnDuplicate, type RowOutcome } from "@/lib/import/plan";
import { recordActivity } from "./activity";
import { recordAudit } from "./audit";
import { searchTextOf, type Scope } from "./contacts";

export type { OnDuplicate, RowOutcome } from "@/lib/import/plan";

/** Rows listed in a preview or report; counts always cover the whole file. */
export const OUTCOME_LIST_LIMIT = 1000;

export type ImportSummary = {
  format: ParsedImport["format"];
  formatLabel: string;
  total: number;
  counts: ImportPlan["counts"];
  /** Skipped and merged rows first (they need reading), then created ones, up to OUTCOME_LIST_LIMIT. */
  rows: RowOutcome[];
  rowsOmitted: number;
};

export const md5 = (body: string) => createHash("md5").update(body, "utf8").digest("hex");

/**
 * The workspace's contacts that any imported person may be: same e-mail (any address,
 * case-insensitive) or same name and company. One query, however long the file: the keys go
 * in as one JSON parameter. With `lock`, the rows are locked for the import's transaction.
 */
async function findExisting(db: Db | Tx, scope: Scope, parsed: ParsedImport, lock: boolean): Promise<ExistingContact[]> {
  const emails = [...new Set(parsed.candidates.flatMap((c) => c.input.emails))];
  const keys = [...new Set(parsed.candidates.map((c) => nameCompanyKey(c.input)))].map((k) => {
    const [name = "", company = ""] = k.split("\u0000");
    return { name, company };
  });
  if (parsed.candidates.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    emails: string[];
    phone: string | null;
    company: string | null;
    title: string | null;
    location: string | null;
    url: string | null;
    how_we_met: string | null;
    tags: string[];
    interests: string | null;
    needs: string | null;
    offers: string | null;
    cadence_days: number | null;
    connected_on: string | null;
    note_hashes: string[] | null;
  }>(
    db,
    sql`
      with by_email as (
        select c.id from contacts c cross join lateral unnest(c.emails) as e(email)
        join jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb) as k(email) on k.email = lower(e.email)
        where c.workspace_id = ${scope.workspaceId}
      ),
      by_name as (
        select c.id from contacts c
        join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(name text, company text)
          on lower(c.name) = k.name and lower(coalesce(c.company, '')) = k.company
        where c.workspace_id = ${scope.workspaceId}
      ),
      matched as (
        select c.* from contacts c
        where c.workspace_id = ${scope.workspaceId}
          and c.id in (select id from by_email union select id from by_name)
        order by c.created_at, c.id
        ${lock ? sql`for update` : sql``}
      )
      select m.id, m.name, m.emails, m.phone, m.company, m.title, m.location, m.url, m.how_we_met, m.tags,
        m.interests, m.needs, m.offers, m.cadence_days, m.connected_on::text as connected_on,
        (select array_agg(md5(n.body)) from notes n
          where n.workspace_id = m.workspace_id and n.contact_id = m.id and n.author_id = ${scope.userId}) as note_hashes
      from matched m
      order by m.created_at, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    connectedOn: r.connected_on,
    myNoteHashes: r.note_hashes ?? [],
    input: {
      name: r.name,
      emails: r.emails,
      phone: r.phone,
      company: r.company,
      title: r.title,
      location: r.location,
      url: r.url,
      howWeMet: r.how_we_met,
      tags: r.tags,
      interests: r.interests,
      needs: r.needs,
      offers: r.offers,
      cadence: r.cadence_days,
    },
  }));
}

function summarise(parsed: ParsedImport, plan: ImportPlan): ImportSummary {
  // What needs reading first: why something was skipped, what a merge adds.
  const order = { skip: 0, merge: 1, create: 2 } as const;
  const sorted = [...plan.rows].sort((a, b) => order[a.outcome] - order[b.outcome]);
  return {
    format: parsed.format,
    formatLabel: parsed.formatLabel,
    total: parsed.total,
    counts: plan.counts,
    rows: sorted.slice(0, OUTCOME_LIST_LIMIT),
    rowsOmitted: Math.max(0, sorted.length - OUTCOME_LIST_LIMIT),
  };
}

/** What an import would do — created, merged, skipped and why — without writing anything. */
export async function previewImport(db: Db, scope: Scope, parsed: ParsedImport, onDuplicate: OnDuplicate): Promise<ImportSummary> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const existing = await findExisting(db, scope, parsed, false);
    return summarise(parsed, planImport(parsed.candidates, parsed.rejected, existing, onDuplicate, md5));
  });
}

/**
 * Runs the import in one transaction: either every row lands as the report says, or nothing
 * does. Set-based: the new contacts go in with one INSERT, the merges with one UPDATE and the
 * notes with one INSERT, however many rows the file has. Imports into one workspace queue on
 * an advisory lock, so two at once cannot both create the same person.
 */
export async function runImport(db: Db, scope: Scope, parsed: ParsedImport, onDuplicate: OnDuplicate): Promise<ImportSummary> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${scope.workspaceId}`}, 0))`);
    const existing = await findExisting(tx, scope, parsed, true);
    const plan = planImport(parsed.candidates, parsed.rejected, existing, onDuplicate, md5);

    const created = plan.creates.map((c) => ({ ...c, id: randomUUID() }));
    if (created.length > 0) {
      const rows = created.map((c) => ({ id: c.id, ...columns(c.input, c.connectedOn), archived: c.archived }));
      await tx.execute(sql`
        insert into contacts (id, workspace_id, created_by, name, emails, phone, company, title, location, url,
          how_we_met, tags, interests, needs, offers, cadence_days, connected_on, search_text, archived_at)
        select r.id, ${scope.workspaceId}, ${scope.userId}, r.name, r.emails, r.phone, r.company, r.title, r.location,
          r.url, r.how_we_met, r.tags, r.interests, r.needs, r.offers, r.cadence_days, r.connected_on, r.search_text,
          case when r.archived then now() end
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordColumns}, archived boolean)`);
    }

    const changed = plan.updates.filter((u) => u.changed);
    if (changed.length > 0) {
      const rows = changed.map((u) => ({ id: u.id, ...columns(u.input, u.connectedOn) }));
      await tx.execute(sql`
        update contacts c set name = r.name, emails = r.emails, phone = r.phone, company = r.company, title = r.title,
          location = r.location, url = r.url, how_we_met = r.how_we_met, tags = r.tags, interests = r.interests,
          needs = r.needs, offers = r.offers, cadence_days = r.cadence_days, connected_on = r.connected_on,
          search_text = r.search_text, version = c.version + 1, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordColumns})
        where c.workspace_id = ${scope.workspaceId} and c.id = r.id`);
    }

    const notes = [
      ...created.flatMap((c) => c.notes.map((body) => ({ contact_id: c.id, body }))),
      ...plan.updates.flatMap((u) => u.notes.map((body) => ({ contact_id: u.id, body }))),
    ];
    if (notes.length > 0) {
      // Private: what a file said about someone is the importer's until they choose to share it.
      await tx.execute(sql`
        insert into notes (workspace_id, contact_id, author_id, visibility, body)
        select ${scope.workspaceId}, r.contact_id, ${scope.userId}, 'private', r.body
        from jsonb_to_recordset(${JSON.stringify(notes)}::jsonb) as r(contact_id uuid, body text)`);
    }

    if (plan.counts.create + plan.counts.merge > 0) {
      await recordActivity(tx, {
        workspaceId: scope.workspaceId,
        actorId: scope.userId,
        kind: "contacts_imported",
        count: plan.counts.create,
      });
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "contacts.imported",
      details: {
        format: parsed.format,
        created: plan.counts.create,
        merged: plan.counts.merge,
        skipped: plan.counts.skip,
      },
    });
    return summarise(parsed, plan);
  });
}

const recordColumns = sql.raw(
  [
    "id uuid",
    "name text",
    "emails text[]",
    "phone text",
    "company text",
    "title text",
    "location text",
    "url text",
    "how_we_met text",
    "tags text[]",
    "interests text",
    "needs text",
    "offers text",
    "cadence_days int",
    "connected_on date",
    "search_text text",
  ].join(", "),
);

function columns(input: ExistingContact["input"], connectedOn: string | null) {
  return {
    name: input.name,
    emails: input.emails,
    phone: input.phone,
    company: input.company,
    title: input.title,
    location: input.location,
    url: input.url,
    how_we_met: input.howWeMet,
    tags: input.tags,
    interests: input.interests,
    needs: input.needs,
    offers: input.offers,
    cadence_days: input.cadence,
    connected_on: connectedOn,
    search_text: searchTextOf(input),
  };
}
