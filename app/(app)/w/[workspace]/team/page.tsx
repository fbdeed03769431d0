import type { Metadata } from "next";
import Link from "next/link";
import { formatDistanceToNowStrict } from "date-fns";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button-class";
import { getDb } from "@/db/client";
import { listActivity, type ActivityItem } from "@/db/queries/activity";
import { listAudit, type AuditItem } from "@/db/queries/audit";
import { listMembers, listOpenInvitations } from "@/db/queries/team";
import type { Role } from "@/db/schema/workspaces";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { can, roleLabels } from "@/lib/permissions";
import { requireMember } from "@/lib/session";
import { InvitationControls, InviteForm, LeaveWorkspace, MemberControls, RenameWorkspace } from "./team-controls";

export const metadata: Metadata = { title: "Team" };

const FEED_PAGE = 20;
const AUDIT_PAGE = 25;

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TeamPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const sp = await searchParams;
  const db = await getDb();
  const mayInvite = can(workspace.role, "members:invite") && !workspace.personal;
  const mayReadAudit = can(workspace.role, "audit:read");
  const [members, invitations, feed, audit] = await Promise.all([
    listMembers(db, workspace.id),
    mayInvite ? listOpenInvitations(db, workspace.id) : [],
    listActivity(db, workspace.id, { limit: FEED_PAGE + 1, before: decodeCursor(sp.feed) }),
    mayReadAudit ? listAudit(db, workspace.id, { limit: AUDIT_PAGE + 1, before: decodeCursor(sp.audit) }) : [],
  ]);
  const inviteRoles: Role[] = workspace.role === "owner" ? ["member", "admin", "owner"] : ["member", "admin"];
  const now = new Date();

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <h1 className="text-title">Team</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {workspace.personal
            ? "This is your personal space: only you see it."
            : "Everyone here shares contacts and team notes, and sees who knows whom best. Private notes stay private."}
        </p>
      </header>

      {workspace.personal && (
        <Card aria-labelledby="others-title">
          <h2 id="others-title" className="text-heading">Work with others</h2>
          <p className="mt-1 text-sm text-ink-muted">
            Create a team workspace to share contacts and notes with colleagues, and to see who on the team can help
            whom.
          </p>
          <Link href="/workspaces/new" className={`${buttonClass()} mt-4`}>
            Create a team workspace
          </Link>
        </Card>
      )}

      {mayInvite && (
        <Card aria-labelledby="invite-title">
          <h2 id="invite-title" className="text-heading">Invite a teammate</h2>
          <p className="mt-1 text-sm text-ink-muted">They get a link by e-mail, valid for 7 days and usable once.</p>
          <InviteForm slug={slug} roles={inviteRoles} />
        </Card>
      )}

      <Card aria-labelledby="members-title">
        <h2 id="members-title" className="text-heading">
          Members <span className="text-ink-subtle">· {members.length}</span>
        </h2>
        <ul className="mt-4 divide-y divide-line-subtle">
          {members.map((m) => {
            const self = m.userId === user.id;
            const mayRemove =
              !self && can(workspace.role, "members:remove") && (m.role !== "owner" || workspace.role === "owner");
            return (
              <li key={m.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {m.name || m.email} {self && <span className="text-sm font-normal text-ink-subtle">(you)</span>}
                  </p>
                  <p className="truncate text-sm text-ink-muted">{m.email}</p>
                </div>
                <MemberControls
                  slug={slug}
                  userId={m.userId}
                  name={m.name || m.email}
                  role={m.role}
                  mayChangeRole={can(workspace.role, "members:change-role")}
                  mayRemove={mayRemove}
                />
              </li>
            );
          })}
        </ul>
      </Card>

      {mayInvite && invitations.length > 0 && (
        <Card aria-labelledby="pending-title">
          <h2 id="pending-title" className="text-heading">Pending invitations</h2>
          <ul className="mt-4 divide-y divide-line-subtle">
            {invitations.map((inv) => {
              const expired = inv.expiresAt <= now;
              return (
                <li key={inv.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{inv.email}</p>
                    <p className="text-sm text-ink-muted">
                      {roleLabels[inv.role]} · sent{" "}
                      {formatDistanceToNowStrict(inv.sentAt, { addSuffix: true })}
                      {inv.invitedBy ? ` by ${inv.invitedBy}` : ""} ·{" "}
                      {expired ? (
                        <span className="font-medium text-warn-fg">expired — re-send for a fresh link</span>
                      ) : (
                        `expires ${formatDistanceToNowStrict(inv.expiresAt, { addSuffix: true })}`
                      )}
                    </p>
                  </div>
                  <InvitationControls slug={slug} id={inv.id} email={inv.email} />
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      <Card aria-labelledby="feed-title">
        <h2 id="feed-title" className="text-heading">What the team did</h2>
        <Feed items={feed.slice(0, FEED_PAGE)} slug={slug} />
        <Older slug={slug} param="feed" items={feed} size={FEED_PAGE} label="Older activity" />
      </Card>

      {mayReadAudit && (
        <Card aria-labelledby="audit-title">
          <h2 id="audit-title" className="text-heading">Audit log</h2>
          <p className="mt-1 text-sm text-ink-muted">Invitations, role changes, removals, exports and deletions. Owners and admins see this.</p>
          <AuditList items={audit.slice(0, AUDIT_PAGE)} />
          <Older slug={slug} param="audit" items={audit} size={AUDIT_PAGE} label="Older entries" />
        </Card>
      )}

      {can(workspace.role, "workspace:rename") && !workspace.personal && (
        <Card aria-labelledby="workspace-title">
          <h2 id="workspace-title" className="text-heading">Workspace</h2>
          <RenameWorkspace slug={slug} name={workspace.name} />
        </Card>
      )}

      {!workspace.personal && (
        <Card aria-labelledby="leave-title">
          <h2 id="leave-title" className="text-heading">Leave</h2>
          <p className="mt-1 mb-4 text-sm text-ink-muted">
            {workspace.role === "owner"
              ? "If you are the only owner, make someone else an owner first."
              : "You can leave at any time."}
          </p>
          <LeaveWorkspace slug={slug} name={workspace.name} />
        </Card>
      )}
    </div>
  );
}

function Older(props: { slug: string; param: string; items: { createdAt: Date; id: string }[]; size: number; label: string }) {
  const last = props.items[props.size - 1];
  if (props.items.length <= props.size || !last) return null;
  return (
    <Link
      href={`/w/${props.slug}/team?${props.param}=${encodeURIComponent(encodeCursor(last))}`}
      className="mt-4 inline-block text-sm font-medium text-accent-text underline"
    >
      {props.label}
    </Link>
  );
}

function when(d: Date) {
  return (
    <time dateTime={d.toISOString()} className="text-ink-subtle">
      {formatDistanceToNowStrict(d, { addSuffix: true })}
    </time>
  );
}

function Feed({ items, slug }: { items: ActivityItem[]; slug: string }) {
  if (items.length === 0) {
    return (
      <p className="mt-4 text-sm text-ink-muted">
        Nothing yet. When someone adds a contact, shares a note or joins, it shows up here.
      </p>
    );
  }
  return (
    <ul className="mt-4 flex flex-col gap-3 text-sm">
      {items.map((a) => {
        const who = <span className="font-medium">{a.actor ?? "A former member"}</span>;
        const contact = a.contactId ? (
          <Link href={`/w/${slug}/contacts/${a.contactId}`} className="font-medium text-accent-text underline">
            {a.contactName}
          </Link>
        ) : null;
        return (
          <li key={a.id}>
            {who}{" "}
            {a.kind === "contact_added" && <>added {contact}</>}
            {a.kind === "note_shared" && <>shared a note about {contact}</>}
            {a.kind === "member_joined" && "joined the workspace"}
            {a.kind === "contacts_imported" && `imported ${a.count ?? 0} contacts`} <span aria-hidden>·</span>{" "}
            {when(a.createdAt)}
          </li>
        );
      })}
    </ul>
  );
}

const auditLabels: Record<AuditItem["action"], string> = {
  "invitation.sent": "invited",
  "invitation.resent": "re-sent the invitation to",
  "invitation.revoked": "revoked the invitation for",
  "invitation.accepted": "accepted an invitation",
  "member.role_changed": "changed the role of",
  "member.removed": "removed",
  "member.left": "left the workspace",
  "workspace.renamed": "renamed the workspace",
  "workspace.deleted": "deleted the workspace",
  "contacts.exported": "exported the contacts",
  "data.exported": "exported their data",
  "contacts.imported": "imported contacts",
  "contact.deleted": "deleted a contact",
  "account.deleted": "deleted their account",
};

function AuditList({ items }: { items: AuditItem[] }) {
  if (items.length === 0) return <p className="mt-4 text-sm text-ink-muted">Nothing recorded yet.</p>;
  return (
    <div className="mt-4">
      <Table
        caption="Security-relevant actions, newest first"
        rows={items}
        rowKey={(e) => e.id}
        columns={[
          { header: "Who", cell: (e) => <span className="font-medium">{e.actor ?? "A former member"}</span> },
          {
            header: "What",
            cell: (e) => {
              const self = e.action === "invitation.accepted" || e.action === "member.left";
              return (
                <span>
                  {auditLabels[e.action] ?? e.action}
                  {!self && e.target && (
                    <>
                      {" "}
                      <span className="font-medium">{e.target}</span>
                    </>
                  )}
                </span>
              );
            },
          },
          {
            header: "Details",
            cell: (e) => (
              <span className="text-ink-muted">
                {Object.entries(e.details)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(", ") || "—"}
              </span>
            ),
          },
          { header: "When", cell: (e) => when(e.createdAt), className: "sm:whitespace-nowrap" },
        ]}
      />
    </div>
  );
}
