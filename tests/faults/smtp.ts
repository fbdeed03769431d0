/**
 * A real SMTP server on localhost (the `smtp-server` package) that can be slow: it holds each
 * message `delayMs` before its final "250 OK". A message counts as received only when that
 * 250 goes out on a live connection — one whose client died while the server held it was
 * never accepted (RFC 5321: the mail is the server's once it has said so).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; messageId: string; at: number };

export type Smtp = {
  port: number;
  received: Received[];
  /** Messages whose client went away while the server was still holding them. */
  cutOff: number;
  onReceived: (fn: (r: Received) => void) => void;
  close: () => Promise<void>;
};

export async function startSmtp(opts: { port?: number; delayMs?: number } = {}): Promise<Smtp> {
  const received: Received[] = [];
  const closed = new Set<string>();
  const listeners: ((r: Received) => void)[] = [];
  const state = { cutOff: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", () => undefined);
      stream.on("end", () => {
        const accept = () => {
          if (closed.has(session.id)) {
            state.cutOff++;
            return callback(new Error("connection gone"));
          }
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
          const messageId = /^Message-ID:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\s+/g, "") ?? "";
          // Read the envelope before answering: the server resets the session on callback().
          const recs = session.envelope.rcptTo.map((r) => ({ to: r.address.toLowerCase(), messageId, at: Date.now() }));
          callback();
          for (const rec of recs) {
            received.push(rec);
            for (const fn of listeners) fn(rec);
          }
        };
        if (opts.delayMs) setTimeout(accept, opts.delayMs);
        else accept();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    get cutOff() {
      return state.cutOff;
    },
    onReceived: (fn) => listeners.push(fn),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
