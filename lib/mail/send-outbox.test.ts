import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it, vi } from "vitest";
import { resetMailTransport, sendMail } from "./index";
import { resetPasswordMail } from "./templates";

// lib/env.ts reads the environment once per process (each test file is its own process),
// so the data folder is chosen here, before anything asks for env(). This file needs no database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-outbox-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "https://mutual.example";
delete process.env.SMTP_URL;
// Each message is announced on the console; keep it out of the test output, but check it.
const info = vi.spyOn(console, "info").mockImplementation(() => {});

afterAll(() => {
  info.mockRestore();
  resetMailTransport();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("sendMail without SMTP_URL", () => {
  it("writes the message as an .eml file under DATA_DIR/outbox", async () => {
    resetMailTransport();
    const token = "reset-token-0123456789abcdefghijklmnopqrstuvwxyz";

    const result = await sendMail(resetPasswordMail("grace@example.test", "Grace", token));

    expect(result.file).toBeDefined();
    expect(path.dirname(result.file!)).toBe(path.join(dataDir, "outbox"));
    expect(result.file).toMatch(/\.eml$/);
    expect(fs.readdirSync(path.join(dataDir, "outbox"))).toEqual([path.basename(result.file!)]);

    const mail = await simpleParser(fs.readFileSync(result.file!));
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.subject).toBe("Reset your Mutual password");
    expect(mail.headers.get("to")).toMatchObject({ text: "grace@example.test" });
    expect(mail.text).toContain(`https://mutual.example/reset?token=${token}`);
    expect(info).toHaveBeenCalledWith(expect.stringContaining(result.file!));
  });

  it("writes one file per message, never overwriting", async () => {
    const sent = await Promise.all(
      ["a@example.test", "b@example.test", "c@example.test"].map((to) => sendMail(resetPasswordMail(to, "X", "t".repeat(43)))),
    );
    const files = new Set(sent.map((s) => s.file));
    expect(files.size).toBe(3);
    expect(fs.readdirSync(path.join(dataDir, "outbox"))).toHaveLength(4);
  });
});
