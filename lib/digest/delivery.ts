import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import {
  claimDueDigests,
  claimWeekDigests,
  failAbandonedDigests,
  getDelivery,
  getRecipient,
  listWeekRecipients,
  markDigestFailed,
  markDigestSent,
  markDigestSkipped,
  takeOverDigests,
  type Claim,
  type Recipient,
} from "@/db/queries/digest-deliveries";
import { env } from "@/lib/env";
import { appLink, sendMail, type Mail } from "@/lib/mail";
import { isEmptyDigest, loadDigest, newDigestRunCache, type DigestContent, type DigestRunCache } from "./content";
import { renderDigestEmail } from "./email";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe";
import { mondayOf } from "./week";

/** A claim is its scheduler's for this long; a crashed scheduler's claims are retried after it. */
export const DIGEST_LEASE_MS = 10 * 60_000;
/** A send that takes longer than this is abandoned as failed (well inside the lease). */
export const DIGEST_SEND_TIMEOUT_MS = 2 * 60_000;
/** Attempts per digest before it is given up; the waits double from the base: 2, 4, 8, 16, 32 min. */
export const DIGEST_MAX_ATTEMPTS = 6;
export const DIGEST_RETRY_BASE_MS = 2 * 60_000;
const BATCH = 50;
const CONCURRENCY = 6;

export const retryDelayMs = (attempts: number) => DIGEST_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);

export type SendFn = (mail: Mail) => Promise<unknown>;
export type Outcome = "sent" | "skipped" | "retry" | "failed";
export type RunReport = Record<Outcome, number> & { abandoned: number };

type RunOptions = { now?: Date; send?: SendFn; log?: (line: string) => void };

/** The same id for the same digest on every attempt, so a receiving server can drop a repeat. */
export function digestMessageId(c: Pick<Claim, "workspaceId" | "userId" | "week">): string {
  const who = createHash("sha256").update(`${c.workspaceId}:${c.userId}`).digest("hex").slice(0, 24);
  return `<digest.${c.week}.${who}@${new URL(env().appUrl).hostname}>`;
}

/** The finished mail: HTML and text, unsubscribe headers (RFC 8058), a deterministic Message-ID. */
export async function buildDigestMail(claim: Claim, recipient: Recipient, content: DigestContent): Promise<Mail> {
  const base = `/w/${recipient.workspace.slug}`;
  const rendered = await renderDigestEmail({
    content,
    recipient: { name: recipient.name, email: recipient.email },
    workspace: recipient.workspace,
    links: {
      digest: appLink(`${base}/digest/${claim.week}`),
      settings: appLink(`${base}/settings`) + "#digest",
      unsubscribe: unsubscribePageUrl(claim.userId),
      contact: (id) => appLink(`${base}/contacts/${id}`),
    },
  });
  return {
    to: recipient.email,
    ...rendered,
    headers: {
      "Message-ID": digestMessageId(claim),
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(claim.userId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The send took longer than ${ms / 1000} s.`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Sends one claimed digest. Checks first that the person is still a member and still
 * subscribed (either may have changed since the claim), computes the week, skips a week
 * with nothing to say, and records the outcome on the claim.
 */
export async function deliverDigest(db: Db, claim: Claim, now: Date, send: SendFn = sendMail, cache?: DigestRunCache): Promise<Outcome> {
  const recipient = await getRecipient(db, claim.workspaceId, claim.userId);
  if (!recipient) {
    await markDigestSkipped(db, claim, "No longer a member of the workspace.");
    return "skipped";
  }
  if (!recipient.subscribed) {
    await markDigestSkipped(db, claim, "Unsubscribed (or e-mail not confirmed).");
    return "skipped";
  }
  try {
    const content = await loadDigest(db, { workspaceId: claim.workspaceId, userId: claim.userId, timeZone: recipient.timeZone }, claim.week, cache);
    if (isEmptyDigest(content)) {
      await markDigestSkipped(db, claim, "Nothing to tell this week.");
      return "skipped";
    }
    await withTimeout(send(await buildDigestMail(claim, recipient, content)), DIGEST_SEND_TIMEOUT_MS);
  } catch (err) {
    const last = claim.attempts >= DIGEST_MAX_ATTEMPTS;
    console.error(`[digest] ${claim.week} for user ${claim.userId} in ${claim.workspaceId}, attempt ${claim.attempts}: ${errorText(err)}`);
    await markDigestFailed(db, claim, errorText(err), last ? null : new Date(now.getTime() + retryDelayMs(claim.attempts)));
    return last ? "failed" : "retry";
  }
  // Sent. Should this write fail (the database gone at this very moment), the claim stays
  // leased and is retried after the lease: SMTP gives no way to take a mail back, so that
  // narrow window is at-least-once, and the unchanged Message-ID lets mail servers drop it.
  await markDigestSent(db, claim, new Date());
  return "sent";
}

async function deliverAll(db: Db, claims: Claim[], now: Date, send: SendFn, report: RunReport, cache: DigestRunCache): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < claims.length) {
      const claim = claims[next++]!;
      report[await deliverDigest(db, claim, now, send, cache)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claims.length) }, worker));
}

const emptyReport = (): RunReport => ({ sent: 0, skipped: 0, retry: 0, failed: 0, abandoned: 0 });

/**
 * One scheduler tick: retries what is ready for another attempt, then claims and sends
 * every digest that has come due, in batches, until none is left.
 */
export async function runDueDigests(db: Db, opts: RunOptions = {}): Promise<RunReport> {
  const report = emptyReport();
  const send = opts.send ?? sendMail;
  const cache = newDigestRunCache();
  const clock = () => opts.now ?? new Date();
  report.abandoned = await failAbandonedDigests(db, clock(), DIGEST_MAX_ATTEMPTS);
  for (;;) {
    const now = clock();
    const claims = [
      ...(await takeOverDigests(db, now, { limit: BATCH, leaseMs: DIGEST_LEASE_MS, maxAttempts: DIGEST_MAX_ATTEMPTS })),
      ...(await claimDueDigests(db, now, { limit: BATCH, leaseMs: DIGEST_LEASE_MS })),
    ];
    if (claims.length === 0) break;
    await deliverAll(db, claims, now, send, report, cache);
  }
  return report;
}

/**
 * Sends one week's digests by hand to every subscribed member (of one workspace, if given)
 * whose week has ended. Claims like the scheduler does, so running it twice, or beside a
 * scheduler, sends nothing twice.
 */
export async function runWeekDigests(db: Db, week: string, opts: RunOptions & { workspaceId?: string } = {}): Promise<RunReport> {
  const report = emptyReport();
  const send = opts.send ?? sendMail;
  const cache = newDigestRunCache();
  const monday = mondayOf(week);
  for (;;) {
    const now = opts.now ?? new Date();
    const scope = { limit: BATCH, leaseMs: DIGEST_LEASE_MS, workspaceId: opts.workspaceId };
    const claims = [
      ...(await takeOverDigests(db, now, { ...scope, maxAttempts: DIGEST_MAX_ATTEMPTS, week })),
      ...(await claimWeekDigests(db, week, monday, now, scope)),
    ];
    if (claims.length === 0) break;
    await deliverAll(db, claims, now, send, report, cache);
  }
  return report;
}

/** `already`: the status of this digest's claim when there is one (a real run leaves it alone). */
export type Preview = { to: string; workspace: string; already?: string } & ({ subject: string; text: string } | { empty: true });

/** What a week's digests would say, without claiming or sending anything. */
export async function previewWeekDigests(db: Db, week: string, opts: { now?: Date; workspaceId?: string } = {}): Promise<Preview[]> {
  const out: Preview[] = [];
  const cache = newDigestRunCache();
  for (const m of await listWeekRecipients(db, mondayOf(week), opts.now ?? new Date(), opts.workspaceId)) {
    const recipient = await getRecipient(db, m.workspaceId, m.userId);
    if (!recipient) continue;
    const already = (await getDelivery(db, { ...m, week }))?.status;
    const content = await loadDigest(db, { ...m, timeZone: recipient.timeZone }, week, cache);
    if (isEmptyDigest(content)) {
      out.push({ to: recipient.email, workspace: recipient.workspace.slug, already, empty: true });
      continue;
    }
    const mail = await buildDigestMail({ ...m, week, attempts: 0 }, recipient, content);
    out.push({ to: recipient.email, workspace: recipient.workspace.slug, already, subject: mail.subject, text: mail.text });
  }
  return out;
}
