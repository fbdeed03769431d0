import { appLink } from "./index";
import type { Mail } from "./index";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function layout(title: string, paragraphs: string[], action: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#059669;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="color:#64748b;font-size:13px">Or paste this link into your browser: ${escapeHtml(action.url)}</p>
<p style="color:#64748b;font-size:13px">— Mutual · give first, and keep in touch</p></body></html>`;
}

export function verifyEmailMail(to: string, name: string, token: string): Mail {
  const url = appLink("/verify", { token });
  const lines = [`Hi ${name},`, "Please confirm that this is your e-mail address, so we can reach you about your network."];
  return {
    to,
    subject: "Confirm your e-mail for Mutual",
    text: `${lines.join("\n\n")}\n\nConfirm: ${url}\n\nIf you did not sign up for Mutual, you can ignore this message.\n`,
    html: layout("Confirm your e-mail", lines, { label: "Confirm my e-mail", url }),
  };
}

export function resetPasswordMail(to: string, name: string, token: string): Mail {
  const url = appLink("/reset", { token });
  const lines = [`Hi ${name},`, "Someone (hopefully you) asked to reset your Mutual password. The link works once, for one hour."];
  return {
    to,
    subject: "Reset your Mutual password",
    text: `${lines.join("\n\n")}\n\nChoose a new password: ${url}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
    html: layout("Reset your password", lines, { label: "Choose a new password", url }),
  };
}
