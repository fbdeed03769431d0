import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

let transport: Transporter | undefined;

function getTransport(): Transporter {
  if (transport) return transport;
  const e = env();
  transport = e.SMTP_URL
    ? nodemailer.createTransport(e.SMTP_URL)
    : // Without SMTP the message is built exactly as it would be sent, then written to the outbox.
      nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return transport;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes an .eml file to
 * DATA_DIR/outbox so the app needs no mail server. Resolves once delivered (or written).
 */
export async function sendMail(mail: Mail): Promise<{ messageId: string; file?: string }> {
  const e = env();
  const info = (await getTransport().sendMail({ from: e.MAIL_FROM, ...mail })) as {
    messageId: string;
    message?: Buffer;
  };
  if (e.SMTP_URL) return { messageId: info.messageId };
  // An in-memory database (tests) has no data folder: its mail goes to the system temp folder.
  const outbox = path.join(e.inMemory ? path.join(os.tmpdir(), "mutual") : e.dataDir, "outbox");
  await fs.mkdir(outbox, { recursive: true });
  const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`);
  // Written under another name and renamed, so whoever watches the folder never reads half a mail.
  await fs.writeFile(`${file}.part`, info.message ?? "");
  await fs.rename(`${file}.part`, file);
  console.info(`[mail] no SMTP_URL set; wrote "${mail.subject}" for ${mail.to} to ${file}`);
  return { messageId: info.messageId, file };
}

/** An absolute link into the app, always built from APP_URL, never from a request's Host. */
export function appLink(pathname: string, params?: Record<string, string>): string {
  const url = new URL(pathname, `${env().appUrl}/`);
  for (const [k, v] of Object.entries(params ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

/** Drops the cached transport (tests point SMTP_URL at a fresh server). */
export function resetMailTransport(): void {
  transport?.close();
  transport = undefined;
}
