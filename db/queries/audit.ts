import "server-only";
import { inTenant } from "@/db/tenant";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, users, type AuditAction } from "@/db/schema";

export type AuditInput = {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  targetUserId?: string | null;
  targetEmail?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** Writes one audit entry. Call it inside the transaction of the act it records. */
export async function recordAudit(db: Db | Tx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type AuditItem = {
  id: string;
  action: AuditAction;
  actor: string | null;
  target: string | null;
  details: Record<string, string | number | boolean | null>;
  createdAt: Date;
};

/** A page of the workspace's audit log, newest first; pass the last item's cursor for the next page. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  options: { limit?: number; before?: { createdAt: Date; id: string } } = {},
): Promise<AuditItem[]> {
  return inTenant(db, workspaceId, async (db) => {
    const limit = options.limit ?? 50;
    const actor = sql`(select ${users.name} from ${users} where ${users.id} = ${auditLog.actorId})`;
    const target = sql`coalesce((select ${users.name} from ${users} where ${users.id} = ${auditLog.targetUserId}), ${auditLog.targetEmail})`;
    const before = options.before;
    return db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actor: sql<string | null>`${actor}`,
        target: sql<string | null>`${target}`,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.workspaceId, workspaceId),
          before
            ? or(
                lt(auditLog.createdAt, before.createdAt),
                and(eq(auditLog.createdAt, before.createdAt), lt(auditLog.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit);
  });
}
