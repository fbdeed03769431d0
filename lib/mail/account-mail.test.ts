import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getPasswordHash, getUserForSignIn } from "@/db/queries/users";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { memberships, users } from "@/db/schema";
import { signUpOrNotify } from "@/lib/account-mail";
import { verifyPassword } from "@/lib/password";
import { uniqueEmail } from "@/lib/testing/factories";
import { resetMailTransport } from "./index";

type Received = { to: string[]; subject: string; text: string };
const received: Received[] = [];

// A real SMTP server on localhost: the mails are sent, not mocked.
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      void simpleParser(Buffer.concat(chunks)).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      }, callback);
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
process.env.APP_URL = "https://mutual.example/";

afterAll(async () => {
  resetMailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

const ARGON2ID_OWASP = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

describe("signUpOrNotify (the work behind sign-up's single answer)", () => {
  it("a new address: account with an argon2id hash at OWASP parameters, personal workspace, confirmation mail", async () => {
    const email = uniqueEmail("new");
    expect(await signUpOrNotify({ name: "Grace Hopper", email, password: "a long enough passphrase", timeZone: "UTC" })).toBe("created");

    const db = await getDb();
    const user = await getUserForSignIn(db, email);
    const hash = await getPasswordHash(db, user!.id);
    expect(hash).toMatch(ARGON2ID_OWASP);
    expect(await verifyPassword(hash!, "a long enough passphrase")).toBe(true);
    expect(await listWorkspacesForUser(db, user!.id)).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: [email], subject: "Confirm your e-mail for Mutual" });
    expect(received[0]?.text).toMatch(/https:\/\/mutual\.example\/verify\?token=[A-Za-z0-9_-]{43}/);
  });

  it("a known address (in any case): the account stays as it was, and only its owner hears about it", async () => {
    const email = uniqueEmail("taken");
    await signUpOrNotify({ name: "First Owner", email, password: "the owner's passphrase", timeZone: "UTC" });
    const db = await getDb();
    const owner = (await getUserForSignIn(db, email))!;
    const hashBefore = await getPasswordHash(db, owner.id);
    received.length = 0;

    const again = await signUpOrNotify({ name: "Someone Else", email: email.toUpperCase(), password: "an intruder's passphrase", timeZone: "Asia/Tokyo" });

    expect(again).toBe("exists");
    const after = (await getUserForSignIn(db, email))!;
    expect(after).toMatchObject({ id: owner.id, name: "First Owner", sessionVersion: owner.sessionVersion });
    expect(await getPasswordHash(db, owner.id)).toBe(hashBefore);
    expect(await verifyPassword(hashBefore!, "an intruder's passphrase")).toBe(false);
    const [rows] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
    expect(rows?.n).toBe(1);
    const [ms] = await db.select({ n: count() }).from(memberships).where(eq(memberships.userId, owner.id));
    expect(ms?.n).toBe(1);

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: [email], subject: "You already have a Mutual account" });
    expect(received[0]?.text).toContain("Hi First Owner,");
    expect(received[0]?.text).toContain("https://mutual.example/sign-in");
    expect(received[0]?.text).toContain("https://mutual.example/forgot");
    expect(received[0]?.text).not.toMatch(/token=/);
  });

  it.each([
    ["64 characters", "x".repeat(31) + "Y".repeat(33)],
    ["non-ASCII", "pässwörd-日本語-✓-ok"],
  ])("stores a %s password that verifies", async (_, password) => {
    const email = uniqueEmail("pw");
    await signUpOrNotify({ name: "Ada", email, password, timeZone: "UTC" });
    const db = await getDb();
    const hash = await getPasswordHash(db, (await getUserForSignIn(db, email))!.id);
    expect(hash).toMatch(ARGON2ID_OWASP);
    expect(await verifyPassword(hash!, password)).toBe(true);
    expect(await verifyPassword(hash!, password.slice(0, -1))).toBe(false);
  });
});
