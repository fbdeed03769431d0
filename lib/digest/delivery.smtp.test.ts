import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { simpleParser, type ParsedMail } from "mailparser";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Db } from "@/db/client";
import { createContact } from "@/db/queries/contacts";
import { claimWeekDigests, getDelivery } from "@/db/queries/digest-deliveries";
import { logInteraction } from "@/db/queries/ledger";
import { removeMember } from "@/db/queries/team";
import { createWorkspace } from "@/db/queries/workspaces";
import * as schema from "@/db/schema";
import { digestDeliveries, memberships, users } from "@/db/schema";
import { resetMailTransport } from "@/lib/mail";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { POST as oneClick } from "@/app/unsubscribe/one-click/route";
import { DIGEST_LEASE_MS, DIGEST_MAX_ATTEMPTS, deliverDigest, digestMessageId, previewWeekDigests, retryDelayMs, runDueDigests, runWeekDigests } from "./delivery";
import { unsubscribeToken } from "./unsubscribe";
import { dueWeek, mondayOf, shiftWeek, weekWindow } from "./week";

// A real SMTP server on localhost: it records what it accepts, and refuses (451, "try again
// later") the next `refusals.get(address)` messages to an address (Infinity: always).
type Received = { to: string; mail: ParsedMail; raw: string };
const received: Received[] = [];
const refusals = new Map<string, number>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const refuse = to.find((a) => (refusals.get(a) ?? 0) > 0);
      if (refuse) {
        refusals.set(refuse, refusals.get(refuse)! - 1);
        return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
      }
      const raw = Buffer.concat(chunks);
      void simpleParser(raw).then((mail) => {
        for (const address of to) received.push({ to: address, mail, raw: raw.toString("utf8") });
        callback();
      });
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.server.address() as AddressInfo;

// lib/env.ts reads the environment once per process, and this file runs in its own.
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.APP_URL = "https://mutual.example";
process.env.MAIL_FROM = "Mutual <digest@mutual.example>";

// Each failed attempt is logged; keep that out of the test output (the retry tests check it).
const errors = vi.spyOn(console, "error").mockImplementation(() => {});

let db: Db;
// A second, independent connection pool: another app instance against the same PostgreSQL.
const otherClient = process.env.DATABASE_URL ? postgres(process.env.DATABASE_URL, { max: 4, onnotice: () => {} }) : null;
let otherDb: Db;

beforeAll(async () => {
  db = await getDb();
  otherDb = otherClient ? (drizzle({ client: otherClient, schema, casing: "snake_case" }) as unknown as Db) : db;
});

afterAll(async () => {
  errors.mockRestore();
  resetMailTransport();
  await otherClient?.end({ timeout: 5 });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// Monday 9 March 2026, 14:00 UTC: 10:00 in New York (EDT), 19:30 in Kolkata, Tuesday 03:00 in
// Auckland. For all of them the last complete week is 2–8 March (2026-W10), and at the default
// Monday 08:00 its digest is due.
const NOW = new Date("2026-03-09T14:00:00Z");
const WEEK = "2026-W10";
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MIN = 60_000;

type Member = { userId: string; email: string; workspaceId: string };
type Prefs = { timeZone?: string; weekday?: number; hour?: number; verified?: boolean; enabled?: boolean };

/** A subscribed, confirmed user who is a member of `workspaceId` and owes someone there a favour from `week`. */
async function member(workspaceId: string | null, name: string, prefs: Prefs = {}, week = WEEK): Promise<Member> {
  const u = await makeScopedUser(name);
  const wsId = workspaceId ?? u.workspaceId;
  if (workspaceId) await db.insert(memberships).values({ workspaceId, userId: u.user.id, role: "member" });
  const timeZone = prefs.timeZone ?? "America/New_York";
  await db
    .update(users)
    .set({
      timeZone,
      emailVerified: prefs.verified === false ? null : new Date("2026-01-01T00:00:00Z"),
      digestEnabled: prefs.enabled ?? true,
      digestWeekday: prefs.weekday ?? 1,
      digestHour: prefs.hour ?? 8,
    })
    .where(eq(users.id, u.user.id));
  const scope = { workspaceId: wsId, userId: u.user.id };
  await owesFavour(scope, timeZone, week, `Helper of ${name}`);
  return { userId: u.user.id, email: u.user.email, workspaceId: wsId };
}

async function owesFavour(scope: { workspaceId: string; userId: string }, timeZone: string, week: string, contactName: string) {
  const { id } = await createContact(db, scope, contactInput({ name: contactName, needs: "An intro to a designer" }));
  await logInteraction(db, scope, {
    contactId: id, direction: "received", kind: "referral", weight: 5,
    occurredAt: new Date(weekWindow(week, timeZone).start.getTime() + 36 * 3_600_000), summary: "Referred a client", details: null,
  });
}

async function team(size: number, prefs: Prefs = {}) {
  const owner = await makeScopedUser("Team Owner");
  const ws = await createWorkspace(db, { name: "Digest Team", ownerId: owner.user.id });
  const members: Member[] = [];
  for (let i = 0; i < size; i++) members.push(await member(ws.id, `Member ${i}`, prefs));
  return { workspaceId: ws.id, ownerId: owner.user.id, members };
}

const mailsTo = (email: string) => received.filter((r) => r.to === email.toLowerCase());
/** A header as sent (folded lines joined): mailparser turns List-* headers into an object. */
const header = (r: Received, name: string) =>
  new RegExp(`^${name}:(.*(?:\r?\n[ \t].*)*)`, "im").exec(r.raw.split(/\r?\n\r?\n/)[0] ?? "")?.[1]?.replace(/\r?\n[ \t]+/g, " ").trim();

describe("who is due", () => {
  it("only members whose weekday and hour have come on their own clock, subscribed and confirmed", async () => {
    const ws = (await makeScopedUser("Zones")).workspaceId;
    const ny = await member(ws, "New York 8", { timeZone: "America/New_York" });
    const nyEarly = await member(ws, "New York 6", { timeZone: "America/New_York", hour: 6 });
    const kolkata = await member(ws, "Kolkata", { timeZone: "Asia/Kolkata" });
    const auckland = await member(ws, "Auckland", { timeZone: "Pacific/Auckland" });
    const tuesday = await member(ws, "Tuesday", { timeZone: "America/New_York", weekday: 2 });
    const unconfirmed = await member(ws, "Unconfirmed", { verified: false });
    const off = await member(ws, "Off", { enabled: false });
    const all = [ny, nyEarly, kolkata, auckland, tuesday, unconfirmed, off];
    const prefsOf = new Map([[ny, ["America/New_York", 1, 8]], [nyEarly, ["America/New_York", 1, 6]], [kolkata, ["Asia/Kolkata", 1, 8]], [auckland, ["Pacific/Auckland", 1, 8]], [tuesday, ["America/New_York", 2, 8]]] as const);

    // 11:00 UTC: 07:00 in New York — only the 06:00 New Yorker there; Kolkata and Auckland are past 08:00.
    const early = new Date("2026-03-09T11:00:00Z");
    await runDueDigests(db, { now: early });
    const got = () => all.filter((m) => mailsTo(m.email).length > 0);
    expect(got()).toEqual([nyEarly, kolkata, auckland]);
    // The SQL that picks them agrees with lib/digest/week's dueWeek.
    for (const [m, [tz, weekday, hour]] of prefsOf) expect(mailsTo(m.email).length > 0, m.email).toBe(dueWeek(early, tz, weekday, hour) === WEEK);

    await runDueDigests(db, { now: NOW });
    expect(got()).toEqual([ny, nyEarly, kolkata, auckland]);
    await runDueDigests(db, { now: new Date("2026-03-10T13:00:00Z") }); // Tuesday 09:00 EDT
    expect(got()).toEqual([ny, nyEarly, kolkata, auckland, tuesday]);
    for (const m of got()) expect(mailsTo(m.email)).toHaveLength(1);
    // Never subscribed or confirmed: no claim at all.
    expect(await getDelivery(db, { ...unconfirmed, week: WEEK })).toBeUndefined();
    expect(await getDelivery(db, { ...off, week: WEEK })).toBeUndefined();
  });
});

describe("exactly once", () => {
  it("two schedulers started at the same moment send one mail per member", async () => {
    const a = await team(4);
    const b = await team(3, { timeZone: "Asia/Kolkata" });
    const members = [...a.members, ...b.members];

    const [first, second] = await Promise.all([runDueDigests(db, { now: NOW }), runDueDigests(otherDb, { now: NOW })]);
    for (const m of members) expect(mailsTo(m.email), m.email).toHaveLength(1);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(members.length);

    // Again, from both: nothing more.
    await Promise.all([runDueDigests(db, { now: later(MIN) }), runDueDigests(otherDb, { now: later(MIN) })]);
    for (const m of members) expect(mailsTo(m.email)).toHaveLength(1);
    const rows = await db.select().from(digestDeliveries).where(inArray(digestDeliveries.userId, members.map((m) => m.userId)));
    const teamRows = rows.filter((r) => r.week === WEEK && (r.workspaceId === a.workspaceId || r.workspaceId === b.workspaceId));
    expect(teamRows.map((r) => [r.status, r.attempts])).toEqual(members.map(() => ["sent", 1]));
  });

  it("a scheduler that crashed after claiming: the claim waits out its lease, then the next run sends it once", async () => {
    const t = await team(2);
    const claims = await claimWeekDigests(db, WEEK, mondayOf(WEEK), NOW, { limit: 10, leaseMs: DIGEST_LEASE_MS, workspaceId: t.workspaceId });
    expect(claims).toHaveLength(2);
    // …and the process dies here, before sending.

    await runDueDigests(db, { now: later(5 * MIN) });
    for (const m of t.members) expect(mailsTo(m.email)).toHaveLength(0);

    await runDueDigests(db, { now: later(DIGEST_LEASE_MS + MIN) });
    await runDueDigests(otherDb, { now: later(DIGEST_LEASE_MS + 2 * MIN) });
    for (const m of t.members) {
      expect(mailsTo(m.email)).toHaveLength(1);
      expect(await getDelivery(db, { ...m, week: WEEK })).toMatchObject({ status: "sent", attempts: 2, leaseUntil: null });
    }
  });

  it("by hand: `digest --week` sends the week once; a second run sends nothing", async () => {
    const t = await team(2);
    const first = await runWeekDigests(db, WEEK, { workspaceId: t.workspaceId, now: NOW });
    expect(first.sent).toBe(2);
    const second = await runWeekDigests(db, WEEK, { workspaceId: t.workspaceId, now: later(MIN) });
    expect(second).toEqual({ sent: 0, skipped: 0, retry: 0, failed: 0, abandoned: 0 });
    for (const m of t.members) expect(mailsTo(m.email)).toHaveLength(1);
  });

  it("a dry run shows each member's digest and claims and sends nothing", async () => {
    const t = await team(2);
    const previews = await previewWeekDigests(db, WEEK, { workspaceId: t.workspaceId, now: NOW });
    expect(previews.map((p) => p.to).sort()).toEqual(t.members.map((m) => m.email.toLowerCase()).sort());
    for (const p of previews) {
      expect(p).toMatchObject({ subject: "[Digest Team] Your week, 2–8 March: 1 to give back to" });
      expect("text" in p && p.text).toContain("They need: An intro to a designer.");
    }
    for (const m of t.members) {
      expect(mailsTo(m.email)).toHaveLength(0);
      expect(await getDelivery(db, { ...m, week: WEEK })).toBeUndefined();
    }
  });
});

describe("retries", () => {
  it("an SMTP server that refuses at first gets the mail on a later attempt, and only once", async () => {
    const m = await member(null, "Retry Me");
    refusals.set(m.email, 1);
    await runDueDigests(db, { now: NOW });
    expect(mailsTo(m.email)).toHaveLength(0);
    const failed = await getDelivery(db, { ...m, week: WEEK });
    expect(failed).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
    expect(failed?.lastError).toMatch(/451|try again later/i);
    expect(failed?.nextAttemptAt.getTime()).toBe(NOW.getTime() + retryDelayMs(1));
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/2026-W10 for user .* attempt 1: .*451/));

    await runDueDigests(db, { now: later(retryDelayMs(1) - 1000) }); // not yet
    expect(mailsTo(m.email)).toHaveLength(0);
    await runDueDigests(db, { now: later(retryDelayMs(1)) });
    expect(mailsTo(m.email)).toHaveLength(1);
    expect(await getDelivery(db, { ...m, week: WEEK })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    await runDueDigests(db, { now: later(60 * MIN) });
    expect(mailsTo(m.email)).toHaveLength(1);
  });

  it("backs off exponentially and gives up after the last attempt, with the error kept", async () => {
    const m = await member(null, "Never Reachable");
    refusals.set(m.email, Infinity);
    let t = NOW.getTime();
    for (let attempt = 1; attempt <= DIGEST_MAX_ATTEMPTS; attempt++) {
      await runDueDigests(db, { now: new Date(t) });
      const row = await getDelivery(db, { ...m, week: WEEK });
      expect(row?.attempts).toBe(attempt);
      if (attempt < DIGEST_MAX_ATTEMPTS) {
        expect(row?.status).toBe("pending");
        expect(row!.nextAttemptAt.getTime() - t).toBe(retryDelayMs(attempt));
        t = row!.nextAttemptAt.getTime();
      }
    }
    const row = await getDelivery(db, { ...m, week: WEEK });
    expect(row).toMatchObject({ status: "failed", attempts: DIGEST_MAX_ATTEMPTS });
    expect(row?.lastError).toMatch(/451|try again later/i);
    await runDueDigests(db, { now: new Date(t + 24 * 60 * MIN) });
    expect(await getDelivery(db, { ...m, week: WEEK })).toMatchObject({ status: "failed", attempts: DIGEST_MAX_ATTEMPTS });
    expect(mailsTo(m.email)).toHaveLength(0);
    refusals.delete(m.email);
  });
});

describe("the mail", () => {
  it("has HTML and text, RFC 8058 headers and a Message-ID that is the same on every attempt", async () => {
    const m = await member(null, "Header Check");
    await owesFavour({ workspaceId: m.workspaceId, userId: m.userId }, "America/New_York", WEEK, "<b>Bold</b> & Co");
    await runDueDigests(db, { now: NOW });
    const [got] = mailsTo(m.email);
    const mail = got!.mail;
    expect(mail.subject).toBe("Your week, 2–8 March: 2 to give back to");
    expect(mail.messageId).toBe(digestMessageId({ ...m, week: WEEK }));
    const token = unsubscribeToken(m.userId);
    expect(header(got!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(got!, "List-Unsubscribe")).toBe(`<https://mutual.example/unsubscribe/one-click?u=${m.userId}&t=${token}>`);
    expect(header(got!, "Message-ID")).toBe(digestMessageId({ ...m, week: WEEK }));
    expect(mail.text).toContain("GIVE BACK");
    expect(mail.text).toContain("They need: An intro to a designer. Could you help with that?");
    expect(mail.text).toContain(`Unsubscribe: https://mutual.example/unsubscribe?u=${m.userId}&t=${token}`);
    expect(mail.html).toContain("Give back");
    expect(mail.html).toContain("&lt;b&gt;Bold&lt;/b&gt; &amp; Co");
    expect(mail.html).not.toContain("<b>Bold</b>");
    expect(mail.html).toContain(`href="https://mutual.example/unsubscribe?u=${m.userId}&amp;t=${token}"`);
  });
});

describe("unsubscribe and membership", () => {
  it("the one-click link stops next week's mail; a forged token or another user's is refused", async () => {
    const t = await team(2);
    const [a, b] = t.members as [Member, Member];
    await runDueDigests(db, { now: NOW });
    const url = (header(mailsTo(a.email)[0]!, "List-Unsubscribe") ?? "").replace(/^<|>$/g, "");
    expect(url).toMatch(/^https:\/\/mutual\.example\/unsubscribe\/one-click\?u=/);

    const post = (u: string) =>
      oneClick(new Request(u, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    const enabled = async (m: Member) => (await db.select({ on: users.digestEnabled }).from(users).where(eq(users.id, m.userId)))[0]?.on;

    // Forged, or A's token with B's id: refused, nothing changes.
    expect((await post(`https://mutual.example/unsubscribe/one-click?u=${b.userId}&t=${"A".repeat(43)}`)).status).toBe(403);
    expect((await post(`https://mutual.example/unsubscribe/one-click?u=${b.userId}&t=${unsubscribeToken(a.userId)}`)).status).toBe(403);
    expect((await post(`https://mutual.example/unsubscribe/one-click?u=${b.userId}`)).status).toBe(400);
    expect(await enabled(a)).toBe(true);
    expect(await enabled(b)).toBe(true);

    const res = await post(url);
    expect(res.status).toBe(200);
    expect(await enabled(a)).toBe(false);
    expect(await enabled(b)).toBe(true);

    // Next week: B hears about it, A does not.
    const next = shiftWeek(WEEK, 1);
    for (const m of [a, b]) await owesFavour({ workspaceId: m.workspaceId, userId: m.userId }, "America/New_York", next, `Next week's helper of ${m.email}`);
    await runDueDigests(db, { now: later(7 * 24 * 60 * MIN) });
    expect(mailsTo(a.email)).toHaveLength(1);
    expect(mailsTo(b.email)).toHaveLength(2);
    expect(mailsTo(b.email)[1]!.mail.subject).toContain("9–15 March");
  });

  it("a removed member gets none — removed before the run, or between the claim and the send", async () => {
    const t = await team(3);
    const [stays, removedBefore, removedDuring] = t.members as [Member, Member, Member];
    const actor = { workspaceId: t.workspaceId, userId: t.ownerId, role: "owner" as const };
    expect(await removeMember(db, actor, removedBefore.userId)).toBe("ok");

    const claims = await claimWeekDigests(db, WEEK, mondayOf(WEEK), NOW, { limit: 10, leaseMs: DIGEST_LEASE_MS, workspaceId: t.workspaceId });
    expect(claims.map((c) => c.userId).sort()).toEqual([stays.userId, removedDuring.userId].sort()); // the owner never confirmed an address
    expect(await removeMember(db, actor, removedDuring.userId)).toBe("ok");
    for (const c of claims) await deliverDigest(db, c, NOW);

    expect(mailsTo(stays.email)).toHaveLength(1);
    expect(mailsTo(removedBefore.email)).toHaveLength(0);
    expect(mailsTo(removedDuring.email)).toHaveLength(0);
    expect(await getDelivery(db, { ...removedDuring, workspaceId: t.workspaceId, week: WEEK })).toMatchObject({
      status: "skipped",
      lastError: "No longer a member of the workspace.",
    });
  });
});
