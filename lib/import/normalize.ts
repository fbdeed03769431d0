import { isValid, parse } from "date-fns";
import { z } from "zod";
import { contactInputSchema, CADENCE_OPTIONS, type ContactInput } from "@/lib/validation/contacts";
import type { RawRecord, ScalarField } from "./fields";

/** One person ready to write: validated by the same schema as the contact form. */
export type Candidate = {
  where: string;
  input: ContactInput;
  /** YYYY-MM-DD, where the file says when you connected (LinkedIn's "Connected On"). */
  connectedOn: string | null;
  archived: boolean;
  /** Free text the file held about the person ("Notes"), kept as a private note of the importer. */
  note: string | null;
  /** Values left out because they were not valid, each said plainly. */
  warnings: string[];
};

export type Rejected = { where: string; name: string; reason: string };

const NOTE_MAX = 20_000;
const MAX_EMAILS = 10;
const MAX_TAGS = 20;

const withoutNul = (s: string) => s.replace(/\u0000/g, "");
const join = (parts: (string | undefined)[], sep: string) =>
  parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(sep);

const DATE_FORMATS = ["dd MMM yyyy", "yyyy-MM-dd", "d MMM yyyy", "MMM d, yyyy", "d MMMM yyyy", "MMMM d, yyyy", "dd.MM.yyyy"];
const emailSchema = z.email();

// A file of thousands of connections repeats its dates; date-fns parsing is the slow part of a row.
const dates = new Map<string, string | null>();

/** "05 Nov 2023" (LinkedIn), "2023-11-05" … → "2023-11-05"; null when it is not a date we can be sure of. */
export function parseConnectedOn(value: string): string | null {
  const v = value.trim();
  const known = dates.get(v);
  if (known !== undefined) return known;
  const parsed = parseDate(v);
  if (dates.size > 50_000) dates.clear();
  dates.set(v, parsed);
  return parsed;
}

function parseDate(v: string): string | null {
  for (const f of DATE_FORMATS) {
    const d = parse(v, f, new Date(2000, 0, 1));
    if (isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 9999) {
      return `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    }
  }
  return null;
}

const FIELD_NAMES: Record<string, string> = {
  emails: "e-mail",
  phone: "phone",
  company: "company",
  title: "title",
  location: "location",
  url: "web address",
  howWeMet: "how you met",
  tags: "tags",
  interests: "interests",
  needs: "needs",
  offers: "offers",
  cadence: "keep-in-touch cadence",
};

type SchemaInput = z.input<typeof contactInputSchema>;

/**
 * Turns what a file says about one person into a contact the form would accept. A value that
 * is not valid (a phone with letters, a broken web address) is left out with a warning rather
 * than losing the whole person; only a row without a usable name is rejected.
 */
export function normalizeRecord(record: RawRecord): { ok: true; candidate: Candidate } | { ok: false; rejected: Rejected } {
  const f = record.fields;
  const get = (k: ScalarField) => (f[k] === undefined ? undefined : withoutNul(f[k]));
  const name = get("name") ?? join([get("firstName"), get("middleName"), get("lastName")], " ");
  const label = name.trim().slice(0, 80);
  const warnings: string[] = [];

  const emails: string[] = [];
  for (const raw of record.emails) {
    const e = raw.trim().replace(/^mailto:/i, "").toLowerCase();
    if (!e || emails.includes(e)) continue;
    if (!emailSchema.safeParse(e).success) warnings.push(`Left out “${raw.slice(0, 80)}”: not an e-mail address.`);
    else emails.push(e);
  }
  if (emails.length > MAX_EMAILS) warnings.push(`Kept the first ${MAX_EMAILS} of ${emails.length} e-mail addresses.`);

  const tags: string[] = [];
  for (const t of record.tags) {
    const tag = withoutNul(t).replace(/,/g, " ").trim();
    if (!tag || tags.some((x) => x.toLowerCase() === tag.toLowerCase())) continue;
    if (tag.length > 40) warnings.push(`Left out the tag “${tag.slice(0, 40)}…”: tags are up to 40 characters.`);
    else tags.push(tag);
  }
  if (tags.length > MAX_TAGS) warnings.push(`Kept the first ${MAX_TAGS} of ${tags.length} tags.`);

  let cadence: SchemaInput["cadence"];
  const rawCadence = get("cadence")?.trim().toLowerCase();
  if (rawCadence) {
    const c = rawCadence === "never" ? "none" : rawCadence;
    if ((CADENCE_OPTIONS as readonly string[]).includes(c)) cadence = c as SchemaInput["cadence"];
    else warnings.push(`Used the usual 90 days instead of “${rawCadence.slice(0, 20)}” for keeping in touch.`);
  }

  const input: Record<string, string | undefined> = {
    name,
    emails: emails.slice(0, MAX_EMAILS).join(" "),
    phone: get("phone"),
    company: get("company"),
    title: get("title"),
    location: get("location") ?? join([get("city"), get("region"), get("country")], ", "),
    url: get("url"),
    howWeMet: get("howWeMet"),
    tags: tags.slice(0, MAX_TAGS).join(","),
    interests: get("interests"),
    needs: get("needs"),
    offers: get("offers"),
    cadence,
  };

  // Drop each field the schema refuses (never the name) and try again.
  for (let attempt = 0; attempt < 16; attempt++) {
    const parsed = contactInputSchema.safeParse(input);
    if (parsed.success) {
      return { ok: true, candidate: finish(record, parsed.data, warnings) };
    }
    const issue = parsed.error.issues[0];
    const field = typeof issue?.path[0] === "string" ? issue.path[0] : undefined;
    if (!issue || !field || field === "name" || !(field in input)) {
      const reason = !name.trim()
        ? `No name ${record.where.startsWith("Card") ? "on this card" : "in this row"}.`
        : (issue?.message ?? "This row could not be read.");
      return { ok: false, rejected: { where: record.where, name: label, reason } };
    }
    const value = input[field];
    warnings.push(`Left out the ${FIELD_NAMES[field] ?? field}${value ? ` “${value.slice(0, 60)}”` : ""}: ${issue.message}`);
    input[field] = undefined;
  }
  return { ok: false, rejected: { where: record.where, name: label, reason: "This row could not be read." } };
}

function finish(record: RawRecord, input: ContactInput, warnings: string[]): Candidate {
  let connectedOn: string | null = null;
  const rawDate = record.fields.connectedOn;
  if (rawDate) {
    connectedOn = parseConnectedOn(rawDate);
    if (!connectedOn) warnings.push(`Left out the date connected “${rawDate.slice(0, 30)}”: not a date we could read.`);
  }
  let note: string | null = withoutNul(record.notes.join("\n\n")).trim() || null;
  if (note && note.length > NOTE_MAX) {
    note = note.slice(0, NOTE_MAX);
    warnings.push(`Shortened the note to ${NOTE_MAX.toLocaleString("en")} characters.`);
  }
  const archived = /^(yes|true|1|archived)$/i.test(record.fields.archived?.trim() ?? "");
  return { where: record.where, input, connectedOn, archived, note, warnings };
}
