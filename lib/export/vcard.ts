import VCard from "vcf";
import type { ExportContact } from "./types";

/** RFC 6350 §3.4: backslash, comma, semicolon and line breaks are escaped in text values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\r\n|\r|\n/g, "\\n").replace(/,/g, "\\,").replace(/;/g, "\\;");
}

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2) without splitting a multi-octet character:
 * the continuation lines start with one space, which unfolding removes.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function line(field: string, value: string, params?: Record<string, string>): string {
  return foldLine(new VCard.Property(field, value, params).toString("4.0"));
}

/** "Ada King Lovelace" → family "Lovelace", given "Ada King": enough for address books that sort by N. */
function structuredName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const family = parts.length > 1 ? (parts.pop() ?? "") : "";
  return `${escapeText(family)};${escapeText(parts.join(" "))};;;`;
}

/**
 * vCard 4.0, one card per contact. The standard properties carry what other address books
 * understand; X-MUTUAL-* carry the rest, so importing the file back into Mutual keeps every field.
 */
export function contactsToVcard(contacts: readonly ExportContact[]): string {
  const cards = contacts.map((c) => {
    const lines = ["BEGIN:VCARD", "VERSION:4.0", line("uid", `urn:uuid:${c.id}`), line("fn", escapeText(c.name)), line("n", structuredName(c.name))];
    c.emails.forEach((e, i) => lines.push(line("email", escapeText(e), i === 0 && c.emails.length > 1 ? { pref: "1" } : undefined)));
    if (c.phone) lines.push(line("tel", escapeText(c.phone), { value: "text" }));
    if (c.company) lines.push(line("org", escapeText(c.company)));
    if (c.title) lines.push(line("title", escapeText(c.title)));
    // The whole free-text location sits in the locality, so it reads back exactly as written.
    if (c.location) lines.push(line("adr", `;;;${escapeText(c.location)};;;`));
    if (c.url) lines.push(line("url", escapeText(c.url)));
    if (c.tags.length > 0) lines.push(line("categories", c.tags.map(escapeText).join(",")));
    if (c.howWeMet) lines.push(line("xMutualHowWeMet", escapeText(c.howWeMet)));
    if (c.interests) lines.push(line("xMutualInterests", escapeText(c.interests)));
    if (c.needs) lines.push(line("xMutualNeeds", escapeText(c.needs)));
    if (c.offers) lines.push(line("xMutualOffers", escapeText(c.offers)));
    lines.push(line("xMutualCadence", c.cadenceDays === null ? "none" : String(c.cadenceDays)));
    if (c.connectedOn) lines.push(line("xMutualConnectedOn", c.connectedOn));
    if (c.archived) lines.push(line("xMutualArchived", "true"));
    lines.push("END:VCARD");
    return lines.join("\r\n");
  });
  return cards.length > 0 ? `${cards.join("\r\n")}\r\n` : "";
}
