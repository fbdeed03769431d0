import type { ContactInput } from "@/lib/validation/contacts";
import type { Candidate, Rejected } from "./normalize";

export type OnDuplicate = "merge" | "skip";

/** A contact already in the workspace that an imported person may be. */
export type ExistingContact = {
  id: string;
  input: ContactInput;
  connectedOn: string | null;
  /** Hashes (md5 hex) of the importer's own notes on this contact: the same note is not added twice. */
  myNoteHashes: string[];
};

export type RowOutcome = {
  where: string;
  name: string;
  outcome: "create" | "merge" | "skip";
  /** What happens and why, in a sentence: every skip says its reason. */
  detail: string | null;
  warnings: string[];
};

export type PlannedContact = {
  input: ContactInput;
  connectedOn: string | null;
  archived: boolean;
  notes: string[];
};

export type PlannedUpdate = {
  id: string;
  input: ContactInput;
  connectedOn: string | null;
  /** Whether any field changed (a new note alone changes no field). */
  changed: boolean;
  notes: string[];
};

export type ImportPlan = {
  creates: PlannedContact[];
  updates: PlannedUpdate[];
  rows: RowOutcome[];
  counts: { create: number; merge: number; skip: number };
};

const MAX_EMAILS = 10;
const MAX_TAGS = 20;

/** The second key duplicates are matched on: name and company, case-insensitive. */
export function nameCompanyKey(input: Pick<ContactInput, "name" | "company">): string {
  return `${input.name.trim().toLowerCase()}\u0000${(input.company ?? "").trim().toLowerCase()}`;
}

const SCALARS = ["phone", "company", "title", "location", "url", "howWeMet", "interests", "needs", "offers"] as const;
const LABELS: Record<(typeof SCALARS)[number] | "emails" | "tags" | "connectedOn" | "note", string> = {
  phone: "phone",
  company: "company",
  title: "title",
  location: "location",
  url: "web address",
  howWeMet: "how you met",
  interests: "interests",
  needs: "needs",
  offers: "offers",
  emails: "e-mail",
  tags: "tags",
  connectedOn: "date connected",
  note: "a note",
};

type Mergeable = { input: ContactInput; connectedOn: string | null };

/**
 * Fills what `base` is missing from `extra`: empty fields take the new value, e-mails and tags
 * are joined; what is already there is never overwritten. Returns what was added.
 */
export function mergeInto(base: Mergeable, extra: Mergeable): { merged: Mergeable; added: string[] } {
  const input: ContactInput = { ...base.input };
  const added: string[] = [];
  for (const k of SCALARS) {
    if (!input[k] && extra.input[k]) {
      input[k] = extra.input[k];
      added.push(LABELS[k]);
    }
  }
  const emails = [...input.emails];
  for (const e of extra.input.emails) if (!emails.includes(e) && emails.length < MAX_EMAILS) emails.push(e);
  if (emails.length > input.emails.length) added.push(LABELS.emails);
  input.emails = emails;
  const tags = [...input.tags];
  for (const t of extra.input.tags) {
    if (!tags.some((x) => x.toLowerCase() === t.toLowerCase()) && tags.length < MAX_TAGS) tags.push(t);
  }
  if (tags.length > input.tags.length) added.push(LABELS.tags);
  input.tags = tags;
  let connectedOn = base.connectedOn;
  if (!connectedOn && extra.connectedOn) {
    connectedOn = extra.connectedOn;
    added.push(LABELS.connectedOn);
  }
  return { merged: { input, connectedOn }, added };
}

function listing(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

type Target =
  | { kind: "existing"; update: PlannedUpdate & { name: string; myNoteHashes: Set<string> } }
  | { kind: "new"; index: number; where: string };

/**
 * Decides, row by row and in file order, what each person becomes: a new contact, a merge
 * into a contact already here (or into an earlier row of the same file), or a skip with its
 * reason. Duplicates are matched by e-mail first (any address, case-insensitive), then by
 * name and company. Pure: the database part lives in db/queries/import.ts.
 */
export function planImport(
  candidates: Candidate[],
  rejected: Rejected[],
  existing: ExistingContact[],
  onDuplicate: OnDuplicate,
  hashNote: (body: string) => string,
): ImportPlan {
  const existingByEmail = new Map<string, ExistingContact>();
  const existingByKey = new Map<string, ExistingContact>();
  for (const c of existing) {
    for (const e of c.input.emails) {
      const k = e.toLowerCase();
      if (!existingByEmail.has(k)) existingByEmail.set(k, c);
    }
    const key = nameCompanyKey(c.input);
    if (!existingByKey.has(key)) existingByKey.set(key, c);
  }
  const updates = new Map<string, PlannedUpdate & { name: string; myNoteHashes: Set<string> }>();
  const creates: PlannedContact[] = [];
  const createdBy: string[] = [];
  const newByEmail = new Map<string, number>();
  const newByKey = new Map<string, number>();
  const rows: RowOutcome[] = [];

  const targetFor = (c: ExistingContact): Target => {
    let u = updates.get(c.id);
    if (!u) {
      u = { id: c.id, name: c.input.name, input: c.input, connectedOn: c.connectedOn, changed: false, notes: [], myNoteHashes: new Set(c.myNoteHashes) };
      updates.set(c.id, u);
    }
    return { kind: "existing", update: u };
  };

  const find = (cand: Candidate): { target: Target; by: "e-mail" | "name and company" } | null => {
    for (const e of cand.input.emails) {
      const hit = existingByEmail.get(e);
      if (hit) return { target: targetFor(hit), by: "e-mail" };
    }
    for (const e of cand.input.emails) {
      const i = newByEmail.get(e);
      if (i !== undefined) return { target: { kind: "new", index: i, where: createdBy[i] ?? "" }, by: "e-mail" };
    }
    const key = nameCompanyKey(cand.input);
    const hit = existingByKey.get(key);
    if (hit) return { target: targetFor(hit), by: "name and company" };
    const i = newByKey.get(key);
    if (i !== undefined) return { target: { kind: "new", index: i, where: createdBy[i] ?? "" }, by: "name and company" };
    return null;
  };

  const remember = (input: ContactInput, index: number) => {
    for (const e of input.emails) if (!existingByEmail.has(e) && !newByEmail.has(e)) newByEmail.set(e, index);
    const key = nameCompanyKey(input);
    if (!existingByKey.has(key) && !newByKey.has(key)) newByKey.set(key, index);
  };

  for (const cand of candidates) {
    const name = cand.input.name;
    const match = find(cand);
    if (!match) {
      const index = creates.length;
      creates.push({ input: cand.input, connectedOn: cand.connectedOn, archived: cand.archived, notes: cand.note ? [cand.note] : [] });
      createdBy.push(cand.where);
      remember(cand.input, index);
      rows.push({ where: cand.where, name, outcome: "create", detail: null, warnings: cand.warnings });
      continue;
    }
    const { target, by } = match;
    const who = target.kind === "existing" ? `${target.update.name}, already in your contacts` : `${target.where} of this file`;
    if (onDuplicate === "skip") {
      const detail =
        target.kind === "existing"
          ? `Already in your contacts as ${target.update.name} (same ${by}).`
          : `Same person as ${target.where} (same ${by}).`;
      rows.push({ where: cand.where, name, outcome: "skip", detail, warnings: cand.warnings });
      continue;
    }
    if (target.kind === "new") {
      const planned = creates[target.index];
      if (!planned) throw new Error("planImport: lost a planned contact");
      const { merged, added } = mergeInto(planned, cand);
      planned.input = merged.input;
      planned.connectedOn = merged.connectedOn;
      if (cand.note && !planned.notes.includes(cand.note)) {
        planned.notes.push(cand.note);
        added.push(LABELS.note);
      }
      remember(merged.input, target.index);
      rows.push({
        where: cand.where,
        name,
        outcome: "merge",
        detail: `Combined with ${who} (same ${by})${added.length ? `: adds ${listing(added)}` : ""}.`,
        warnings: cand.warnings,
      });
      continue;
    }
    const u = target.update;
    const { merged, added } = mergeInto(u, cand);
    if (added.length > 0) {
      u.input = merged.input;
      u.connectedOn = merged.connectedOn;
      u.changed = true;
    }
    if (cand.note && !u.notes.includes(cand.note) && !u.myNoteHashes.has(hashNote(cand.note))) {
      u.notes.push(cand.note);
      added.push(LABELS.note);
    }
    rows.push(
      added.length > 0
        ? { where: cand.where, name, outcome: "merge", detail: `Adds ${listing(added)} to ${u.name} (same ${by}).`, warnings: cand.warnings }
        : {
            where: cand.where,
            name,
            outcome: "skip",
            detail: `Already in your contacts as ${u.name} (same ${by}), with nothing new to add.`,
            warnings: cand.warnings,
          },
    );
  }

  for (const r of rejected) rows.push({ where: r.where, name: r.name, outcome: "skip", detail: r.reason, warnings: [] });
  // Back in file order ("Row 5", "Card 12"), rejected rows among the others.
  const position = (where: string) => Number(where.replace(/^\D+/, "")) || 0;
  rows.sort((a, b) => position(a.where) - position(b.where));
  const counts = { create: 0, merge: 0, skip: 0 };
  for (const r of rows) counts[r.outcome]++;
  return {
    creates,
    updates: [...updates.values()]
      .filter((u) => u.changed || u.notes.length > 0)
      .map(({ id, input, connectedOn, changed, notes }) => ({ id, input, connectedOn, changed, notes })),
    rows,
    counts,
  };
}
