import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { resetMailTransport, sendMail } from "./index";
import { verifyEmailMail } from "./templates";

type Received = { from: string; to: string[]; raw: Buffer };
const received: Received[] = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks),
      });
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.server.address() as AddressInfo;

// lib/env.ts reads the environment once per process (each test file is its own process),
// so it is set here, before anything asks for env().
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.APP_URL = "https://mutual.example/";
process.env.MAIL_FROM = "Mutual <hello@mutual.example>";

afterAll(async () => {
  resetMailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("sendMail over SMTP", () => {
  it("delivers the verification mail with a link into APP_URL", async () => {
    resetMailTransport();
    const to = "ada@example.test";
    const token = "tok_abc-DEF_0123456789abcdefghijklmnopqrstu";

    const result = await sendMail(verifyEmailMail(to, "Ada", token));

    expect(result.file).toBeUndefined();
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.from).toBe("hello@mutual.example");
    expect(message?.to).toEqual([to]);

    const raw = message!.raw.toString("utf8");
    expect(raw).toMatch(/^To: ada@example\.test\r?$/m);
    expect(raw).toMatch(/^Subject: Confirm your e-mail for Mutual\r?$/m);

    const mail = await simpleParser(message!.raw);
    expect(mail.messageId).toBe(result.messageId);
    const links = mail.text?.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toEqual([`https://mutual.example/verify?token=${token}`]);
    expect(mail.html).toContain(`href="https://mutual.example/verify?token=${token}"`);
  });
});
