/**
 * What a column (or a vCard property) can become on a contact. Several columns may feed one
 * field: e-mails, tags and notes collect every value; for the others the first non-empty wins
 * (Outlook's mobile, business and home phone all map to the one phone).
 */
export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "middleName",
  "lastName",
  "emails",
  "phone",
  "company",
  "title",
  "location",
  "city",
  "region",
  "country",
  "url",
  "howWeMet",
  "tags",
  "interests",
  "needs",
  "offers",
  "cadence",
  "connectedOn",
  "note",
  "archived",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  name: "Full name",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  emails: "E-mail",
  phone: "Phone",
  company: "Company",
  title: "Title",
  location: "Location",
  city: "City",
  region: "State or region",
  country: "Country",
  url: "LinkedIn or website",
  howWeMet: "How we met",
  tags: "Tags",
  interests: "Interests",
  needs: "Needs",
  offers: "Offers",
  cadence: "Keep in touch every (days)",
  connectedOn: "Connected on",
  note: "Note (private)",
  archived: "Archived",
};

/** Fields that collect every value rather than keeping the first. */
export const LIST_FIELDS = ["emails", "tags", "note"] as const satisfies readonly ImportField[];
export type ListField = (typeof LIST_FIELDS)[number];
export type ScalarField = Exclude<ImportField, ListField>;

/** One person as read from a file, before validation: raw strings, nothing trusted yet. */
export type RawRecord = {
  /** Where the user finds it in their file: "Row 5", "Card 12". */
  where: string;
  fields: Partial<Record<ScalarField, string>>;
  emails: string[];
  tags: string[];
  notes: string[];
};

export function emptyRecord(where: string): RawRecord {
  return { where, fields: {}, emails: [], tags: [], notes: [] };
}

/** Google writes "a ::: b", Outlook "a;b", most others "a, b". */
export const ANY_TAG_SEPARATOR = /\s*(?:,|;|:::)\s*/;

/**
 * Adds a value under the field's rule: lists collect, scalars keep the first non-empty.
 * `tagSeparator` null means the value is one tag already (a vCard category).
 */
export function addValue(
  record: RawRecord,
  field: ImportField,
  value: string,
  options: { tagSeparator?: RegExp | null } = {},
): void {
  const v = value.trim();
  if (!v) return;
  if (field === "emails") record.emails.push(...splitList(v, /[\s,;]+|:::/));
  else if (field === "tags") {
    const sep = options.tagSeparator === undefined ? ANY_TAG_SEPARATOR : options.tagSeparator;
    record.tags.push(...(sep ? splitList(v, sep) : [v]));
  }
  else if (field === "note") record.notes.push(v);
  else record.fields[field] ??= v;
}

function splitList(v: string, sep: RegExp): string[] {
  return v
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

// Exact header names as LinkedIn, Google, Outlook, Apple Numbers and Mutual's own export write them,
// plus the obvious spellings people type.
const EXACT: Record<string, ImportField> = {
  name: "name",
  "full name": "name",
  "display name": "name",
  "contact name": "name",
  "first name": "firstName",
  firstname: "firstName",
  "given name": "firstName",
  "middle name": "middleName",
  "additional name": "middleName",
  "last name": "lastName",
  lastname: "lastName",
  surname: "lastName",
  "family name": "lastName",
  company: "company",
  "company name": "company",
  organization: "company",
  organisation: "company",
  "organization name": "company",
  "organization 1 - name": "company",
  employer: "company",
  title: "title",
  "job title": "title",
  position: "title",
  role: "title",
  "organization title": "title",
  "organization 1 - title": "title",
  location: "location",
  address: "location",
  city: "city",
  "address 1 - city": "city",
  "business city": "city",
  "home city": "city",
  state: "region",
  region: "region",
  province: "region",
  "address 1 - region": "region",
  "business state": "region",
  "home state": "region",
  country: "country",
  "country/region": "country",
  "address 1 - country": "country",
  "business country/region": "country",
  "home country/region": "country",
  url: "url",
  website: "url",
  "web site": "url",
  "web page": "url",
  "personal web page": "url",
  "website 1 - value": "url",
  linkedin: "url",
  "linkedin url": "url",
  "profile url": "url",
  "how we met": "howWeMet",
  "how you met": "howWeMet",
  tags: "tags",
  labels: "tags",
  groups: "tags",
  "group membership": "tags",
  categories: "tags",
  interests: "interests",
  hobby: "interests",
  hobbies: "interests",
  needs: "needs",
  offers: "offers",
  "keep in touch every (days)": "cadence",
  cadence: "cadence",
  "connected on": "connectedOn",
  "date connected": "connectedOn",
  notes: "note",
  note: "note",
  archived: "archived",
};

/**
 * The field a column most likely holds, from its header; null for "leave it out".
 * `headers` is the whole row: Outlook's "Title" is Mr/Ms when a "Job Title" column exists.
 */
export function guessField(header: string, headers: readonly string[]): ImportField | null {
  const h = norm(header);
  if (/ - (type|label)$/.test(h) || /\bfax\b/.test(h) || /\byomi\b/.test(h)) return null;
  if (h === "title" && headers.some((o) => norm(o) === "job title")) return null;
  const exact = EXACT[h];
  if (exact) return exact;
  if (/^(e-?mail|mail)( ?\d+)?( address| - value)?$/.test(h) || /^e-?mail \d+ address$/.test(h)) return "emails";
  if (/^(work|home|other|personal|business) e-?mail( address)?$/.test(h) || h === "e-mails" || h === "emails") return "emails";
  if (/^phone \d+ - value$/.test(h) || /^(primary |mobile |business |home |work |other )?phone( number)?( \d+)?$/.test(h)) return "phone";
  if (["mobile", "cell", "telephone", "tel"].includes(h)) return "phone";
  return null;
}

/** The whole row's guessed mapping, one entry per column. */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  return headers.map((h) => guessField(h, headers));
}
