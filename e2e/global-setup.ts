import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { E2E_DATA_DIR, E2E_SMTP_PORT } from "../playwright.config";

/**
 * A real SMTP server on localhost for the whole run: the app sends every mail to it over
 * SMTP, and it files each message as an .eml in the outbox folder the mail fixture reads.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const outbox = path.join(E2E_DATA_DIR, "outbox");
  fs.mkdirSync(outbox, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // Written under another name, then renamed: a reader never sees half a message.
        const file = path.join(outbox, `${Date.now()}-${randomUUID()}.eml`);
        fs.writeFile(`${file}.part`, Buffer.concat(chunks), (err) => {
          if (err) return callback(err);
          fs.rename(`${file}.part`, file, (e) => callback(e ?? undefined));
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(E2E_SMTP_PORT, "127.0.0.1", resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
