/**
 * A large, deterministic dataset for benchmarks: `npm run seed:large [-- --scale 0.05] [--reset]`.
 *
 * - PostgreSQL when DATABASE_URL is set, else the embedded PGlite in DATA_DIR (as the app).
 * - Runs the migrations first, then loads everything in ONE transaction: a failed run
 *   leaves nothing behind. Refuses a database that already holds the seed (workspace
 *   `seed-large` or `seed-other`, or a seed user) unless `--reset` is given, which deletes
 *   the earlier seed inside that same transaction.
 * - Deterministic: every table of every workspace draws from its own seeded PRNG stream,
 *   so the same `--scale` gives the same rows (ids included) on every run and on both
 *   databases. Only the time anchor moves: created_at values end at the start of the
 *   current UTC day unless `--anchor 2026-11-25` pins it.
 * - Fast: rows are generated in JS and sent in chunks of thousands per statement
 *   (`INSERT … SELECT … FROM jsonb_to_recordset($1)`), one parameter per chunk, so both
 *   drivers take the same path; the next chunk is generated while the previous one is
 *   being written.
 * - Ends with VACUUM (ANALYZE) of the loaded tables: planner statistics, a visibility map
 *   for index-only scans, and the GIN pending lists merged into the trigram indexes
 *   (otherwise every search scans the pending list linearly).
 *
 * Adding a table (interactions, promises…): write a `Step` (see STEPS near the end) and
 * give it a count in `WorkspacePlan`. Each step gets its own PRNG stream, so a new step
 * does not change the rows of the existing ones.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { inArray, sql, type SQL } from "drizzle-orm";
import { closeDb, getHandle, queryRows, type Tx } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import { searchTextOf } from "@/db/queries/contacts";
import { createPersonalWorkspace } from "@/db/queries/users";
import { verifyPassword } from "@/lib/password";
import { env } from "@/lib/env";

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------

const USAGE = `Usage: npm run seed:large [-- --scale <0..1>] [--reset] [--anchor YYYY-MM-DD]
  --scale   multiplies every row count (default 1: 50,000 contacts and 200,000 notes)
  --reset   delete an earlier seed (its workspaces and users) before loading
  --anchor  the day the three years of history end (default: today, UTC)`;

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    reset: { type: "boolean", default: false },
    anchor: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = Number(args.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
  console.error(`--scale must be a number in (0, 1], e.g. --scale 0.05 (got "${args.scale}")\n${USAGE}`);
  process.exit(1);
}
const anchorDay = args.anchor ?? new Date().toISOString().slice(0, 10);
const ANCHOR = Date.parse(`${anchorDay}T00:00:00Z`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(anchorDay) || Number.isNaN(ANCHOR)) {
  console.error(`--anchor must be a date like 2026-11-25 (got "${anchorDay}")`);
  process.exit(1);
}
const DAY = 86_400_000;
const HISTORY = 3 * 365 * DAY;

// ---------------------------------------------------------------------------------------
// What gets seeded
// ---------------------------------------------------------------------------------------

/** The known password of every seed user (argon2id hash below, made by lib/password.ts). */
const SEED_PASSWORD = "seed password 123";
const SEED_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$asZkXxgIK675Mi+Qvh+tNQ$pr1brht4uEubedQhPatrR9EMAR1+o6Swp11tQreUf7s";

const SEED_USERS = [
  { name: "Avery Okafor", email: "seed1@seed-large.test" },
  { name: "Blake Lindqvist", email: "seed2@seed-large.test" },
  { name: "Casey Moreau", email: "seed3@seed-large.test" },
  { name: "Devon Nakamura", email: "seed4@seed-large.test" },
  { name: "Emery Castillo", email: "seed5@seed-large.test" },
] as const;

type WorkspacePlan = {
  slug: string;
  name: string;
  /** Index into SEED_USERS and the role there. The first is the owner. */
  members: readonly (readonly [number, Role])[];
  /** Rows per table at scale 1. A new step adds its own count here. */
  counts: { contacts: number; notes: number };
};

const PLANS: readonly WorkspacePlan[] = [
  {
    slug: "seed-large",
    name: "Seed Large",
    members: [[0, "owner"], [1, "admin"], [2, "member"], [3, "member"], [4, "member"]],
    counts: { contacts: 50_000, notes: 200_000 },
  },
  {
    // A neighbour, so isolation is exercised: user 1 is in both, and its notes use the same words.
    slug: "seed-other",
    name: "Seed Other",
    members: [[4, "owner"], [0, "member"]],
    counts: { contacts: 2_000, notes: 5_000 },
  },
];

// ---------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------

/** sfc32 seeded from a string through cyrb128: small, fast, and good enough for test data. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    const x = xs[this.int(xs.length)];
    if (x === undefined) throw new Error("pick from an empty list");
    return x;
  }

  /** An index in [0, n) skewed towards 0: power 1 is uniform, higher is more skewed. */
  skewed(n: number, power: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), power)));
  }

  /** A version-4-shaped UUID from this stream (deterministic, unlike gen_random_uuid()). */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    const s = hex(this.u32()) + hex(this.u32()) + hex(this.u32()) + hex(this.u32());
    const variant = ((parseInt(s[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

/** A picker over weighted entries (cumulative weights + binary search). */
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    const v = values[lo];
    if (v === undefined) throw new Error("weighted pick from an empty list");
    return v;
  };
}

/** Deterministic Fisher–Yates on a copy. */
function shuffled<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

const FIRST_NAMES = [
  "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
  "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
  "Andrew", "Emily", "Joshua", "Michelle", "Kevin", "Amanda", "Brian", "Melissa", "George", "Stephanie",
  "Timothy", "Rebecca", "Ryan", "Laura", "Jacob", "Sharon", "Nicholas", "Cynthia", "Eric", "Kathleen",
  "Jonathan", "Amy", "Stephen", "Angela", "Larry", "Anna", "Justin", "Ruth", "Scott", "Brenda",
  "Benjamin", "Pamela", "Samuel", "Nicole", "Alexander", "Katherine", "Patrick", "Samantha", "Jack", "Christine",
  "Dennis", "Emma", "Jerry", "Catherine", "Tyler", "Debra", "Aaron", "Rachel", "Jose", "Carolyn",
  "Adam", "Janet", "Nathan", "Maria", "Henry", "Olivia", "Zachary", "Heather", "Kyle", "Helen",
  "Noah", "Sophia", "Ethan", "Isabella", "Liam", "Mia", "Lucas", "Charlotte", "Mateo", "Amelia",
  "Wei", "Mei", "Hiroshi", "Yuki", "Sanjay", "Priya", "Arjun", "Ananya", "Ahmed", "Fatima",
  "Omar", "Layla", "Chinedu", "Ngozi", "Kwame", "Amara", "Diego", "Lucía", "José", "Sofía",
  "Björn", "Ingrid", "Søren", "Astrid", "Zoë", "Chloé", "François", "Amélie", "Jürgen", "Małgorzata",
  "Dmitri", "Olga", "Giulia", "Matteo", "Thiago", "Beatriz", "Kofi", "Ayesha", "Tariq", "Leilani",
  "Min-jun", "Seo-yeon", "Nguyen", "Linh", "Rafael", "Camila", "Elif", "Emre", "Aino", "Mikko",
];

const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Chen", "Wang", "Zhang", "Liu", "Li", "Huang", "Tanaka", "Suzuki", "Sato", "Watanabe",
  "Kim", "Park", "Choi", "Patel", "Sharma", "Singh", "Gupta", "Iyer", "Reddy", "Khan",
  "Hussein", "Haddad", "Okafor", "Adeyemi", "Mensah", "Okonkwo", "Diallo", "Mwangi", "Silva", "Santos",
  "Oliveira", "Souza", "Pereira", "Costa", "Fernández", "González", "Müller", "Schmidt", "Schneider", "Fischer",
  "Weber", "Becker", "Dubois", "Lefèvre", "Moreau", "Rossi", "Russo", "Bianchi", "Romano", "Kowalski",
  "Nowak", "Ivanov", "Petrov", "Andersson", "Johansson", "Nielsen", "Hansen", "Jensen", "Virtanen", "Korhonen",
  "O'Brien", "O'Connor", "Murphy", "Kelly", "MacDonald", "Fraser", "Van der Berg", "de Vries", "Jansen", "Bakker",
  "Cohen", "Levi", "Friedman", "Yilmaz", "Demir", "Öztürk", "Papadopoulos", "Novák", "Horváth", "Popescu",
  "Cooper", "Morgan", "Bell", "Murray", "Ward", "Brooks", "Sanders", "Price", "Bennett", "Wood",
  "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Patterson", "Hughes",
];

const COMPANY_PREFIXES = [
  "Acme", "Apex", "Arbor", "Atlas", "Aurora", "Beacon", "Birch", "Bluebird", "Bright", "Cedar",
  "Cinder", "Clearwater", "Cobalt", "Copper", "Crest", "Delta", "Ember", "Evergreen", "Falcon", "Fern",
  "Flint", "Forge", "Granite", "Harbor", "Helix", "Horizon", "Indigo", "Ironwood", "Juniper", "Keystone",
  "Kite", "Lantern", "Ledger", "Lumen", "Maple", "Meridian", "Mosaic", "Northwind", "Nova", "Oakline",
  "Orbit", "Paper", "Pinecone", "Pioneer", "Prism", "Quartz", "Quill", "Radiant", "Redwood", "Ridge",
  "Riverbend", "Sable", "Sage", "Signal", "Silverline", "Slate", "Solaris", "Spruce", "Summit", "Tandem",
  "Tidal", "Timber", "Truenorth", "Union", "Vector", "Velvet", "Vista", "Willow", "Zenith", "Hearth",
];
const COMPANY_SUFFIXES = [
  "Labs", "Systems", "Capital", "Health", "Analytics", "Robotics", "Energy", "Bio", "AI", "Cloud",
  "Software", "Ventures", "Partners", "Studio", "Works", "Networks", "Security", "Logistics", "Foods", "Media",
  "Engineering", "Dynamics", "Data", "Pay", "Learning",
];

const TITLES = weighted<string | null>([
  [null, 10], ["Software Engineer", 14], ["Senior Software Engineer", 10], ["Staff Engineer", 4],
  ["Founder", 8], ["Co-founder & CEO", 6], ["CTO", 4], ["Product Manager", 8], ["Engineering Manager", 5],
  ["Product Designer", 5], ["Data Scientist", 4], ["Data Engineer", 3], ["Partner", 3], ["Principal", 2],
  ["Angel Investor", 2], ["Recruiter", 3], ["Head of Sales", 2], ["Account Executive", 3], ["Marketing Lead", 2],
  ["Developer Advocate", 2], ["VP Engineering", 2], ["Chief of Staff", 1], ["Operations Lead", 2],
  ["Research Scientist", 2], ["Professor", 1], ["Journalist", 1], ["Lawyer", 1], ["Consultant", 3], ["Student", 1],
]);

const TAGS = weighted<string>([
  ["founder", 10], ["engineer", 9], ["investor", 6], ["friend", 6], ["ai", 5], ["hiring", 4], ["advisor", 4],
  ["product", 4], ["design", 3], ["climate", 3], ["fintech", 3], ["alumni", 3], ["conference", 3], ["data", 3],
  ["customer", 3], ["sf", 3], ["health", 2], ["sales", 2], ["marketing", 2], ["recruiter", 2], ["mentor", 2],
  ["angel", 2], ["open-source", 2], ["security", 2], ["partner", 2], ["candidate", 2], ["nyc", 2],
  ["london", 2], ["remote", 2], ["yc", 2], ["devrel", 1], ["press", 1], ["speaker", 1], ["board", 1],
  ["berlin", 1], ["podcast", 1], ["sailing", 0.2], ["chess", 0.2],
  // Rare: a few dozen contacts each at scale 1.
  ["beekeeping", 0.05], ["origami", 0.05], ["falconry", 0.03], ["ham-radio", 0.03],
]);
const TAG_COUNT = weighted<number>([[0, 20], [1, 30], [2, 25], [3, 15], [4, 7], [5, 3]]);

const CITIES = [
  "San Francisco, CA", "New York, NY", "Austin, TX", "Seattle, WA", "Boston, MA", "Chicago, IL", "Denver, CO",
  "Los Angeles, CA", "Toronto, Canada", "Vancouver, Canada", "London, UK", "Berlin, Germany", "Paris, France",
  "Amsterdam, Netherlands", "Stockholm, Sweden", "Lisbon, Portugal", "Madrid, Spain", "Zürich, Switzerland",
  "Tel Aviv, Israel", "Dubai, UAE", "Lagos, Nigeria", "Nairobi, Kenya", "Bengaluru, India", "Singapore",
  "Tokyo, Japan", "Seoul, South Korea", "Sydney, Australia", "São Paulo, Brazil", "Mexico City, Mexico",
];
const PERSONAL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "fastmail.com", "proton.me", "icloud.com"];
const EVENTS = ["SaaStr", "Web Summit", "a YC dinner", "NeurIPS", "KubeCon", "a climate meetup", "a founders' breakfast", "RailsConf", "a demo day", "PyCon"];
const COMMUNITIES = ["the alumni Slack", "On Deck", "a Discord server", "Twitter", "LinkedIn", "a mutual friend", "Hacker News"];

const TOPICS = [
  "hiring senior engineers", "pricing", "go-to-market", "the platform rewrite", "their Series A", "developer experience",
  "climate tech", "LLM evaluation", "board dynamics", "remote culture", "open-source licensing", "enterprise sales",
  "the founder journey", "burnout", "fundraising in this market", "data infrastructure", "mobile onboarding",
  "SOC 2", "the new office", "angel investing", "product-market fit", "design systems", "churn", "a career change",
  "their engineering ladder", "usage-based billing", "the API roadmap", "parental leave", "a second startup idea",
];
const ROLES = [
  "backend engineer", "staff engineer", "founding engineer", "data engineer", "ML engineer", "product designer",
  "product manager", "head of sales", "engineering manager", "developer advocate", "recruiter", "chief of staff",
];
const THINGS = ["the deck", "our hiring doc", "a book recommendation", "two intros", "the pricing memo", "notes from the call", "a reference"];
const ROUNDS = ["pre-seed", "seed", "Series A", "Series B", "bridge"];
const PLACES = ["the office", "Blue Bottle", "the ferry building", "their new office", "a bakery downtown", "the park"];

/** Words that occur only in a few notes (≈ 1 note in 500 carries one), never in a contact's own fields. */
const RARE_NOTE_WORDS = ["zeppelin", "quokka", "marzipan", "theremin", "kumquat", "axolotl", "gondola", "narwhal"];

type NoteSentence = (rng: Rng, first: string) => string;
const NOTE_SENTENCES = weighted<NoteSentence>([
  [(r, f) => `Met ${f} for coffee at ${r.pick(PLACES)}; talked about ${r.pick(TOPICS)}.`, 6],
  [(r, f) => `${f} is hiring a ${r.pick(ROLES)} and asked if I know anyone.`, 5],
  [(r) => `Intro'd to ${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)} re: ${r.pick(TOPICS)}.`, 4],
  [(r) => `Follow up in ${2 + r.int(6)} weeks about ${r.pick(TOPICS)}.`, 5],
  [(r) => `They are raising a ${r.pick(ROUNDS)} round, ${1 + r.int(30)}M target, and want a founder reference.`, 3],
  [(r) => `Asked for advice on ${r.pick(TOPICS)}; I promised to send ${r.pick(THINGS)}.`, 4],
  [(r, f) => `Great conversation about ${r.pick(TOPICS)}. ${f} mentioned ${r.pick(TOPICS)} as well.`, 5],
  [(r) => `Saw them at ${r.pick(EVENTS)}. Still happy at the company, but open to a ${r.pick(ROLES)} role later.`, 3],
  [(r, f) => `${f} moved to ${r.pick(CITIES)} and started a new job as a ${r.pick(ROLES)}.`, 3],
  [(r) => `Sent ${r.pick(THINGS)}. No reply yet.`, 3],
  [(r, f) => `${f}'s team is looking at ${r.pick(TOPICS)}; could be a customer for us.`, 2],
  [(r) => `Birthday in ${r.pick(["January", "March", "May", "July", "September", "November"])}. Kids: ${r.int(4)}.`, 1],
  [() => `Former engineer, now a founder. Very thoughtful about hiring.`, 2],
]);

/** Lower-case search text of every vocabulary entry, for the rare-word check below. */
function assertRareWordsAreRare(): void {
  const vocabulary = [
    ...FIRST_NAMES, ...LAST_NAMES, ...COMPANY_PREFIXES, ...COMPANY_SUFFIXES, ...CITIES, ...PERSONAL_DOMAINS,
    ...EVENTS, ...COMMUNITIES, ...TOPICS, ...ROLES, ...THINGS, ...ROUNDS, ...PLACES,
    "beekeeping origami falconry ham-radio sailing chess founder engineer investor",
  ].join(" ").toLowerCase();
  for (const w of RARE_NOTE_WORDS) {
    if (vocabulary.includes(w)) throw new Error(`rare word "${w}" also occurs in the common vocabulary`);
  }
}

// ---------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------

/** What a step needs of the workspace, and what it leaves for later steps. */
type SeededWorkspace = {
  plan: WorkspacePlan;
  id: string;
  memberIds: string[];
  /** Filled by the contacts step: ids and creation times (ms), for foreign keys and dates. */
  contacts: { id: string; createdAt: number; first: string }[];
};

type Step = {
  table: string;
  count: (plan: WorkspacePlan) => number;
  /** Generates and writes `n` rows for the workspace; returns the number written. */
  run: (tx: Tx, ws: SeededWorkspace, rng: Rng, n: number) => Promise<number>;
};

type Column = readonly [name: string, type: string];

/**
 * Writes rows in chunks of `chunk` with one statement each:
 * INSERT INTO t (cols) SELECT cols FROM jsonb_to_recordset($1::jsonb) AS r(col type, …).
 * `make(i)` produces row i; the next chunk is generated while the previous one is written.
 */
async function bulkInsert<R extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  columns: readonly Column[],
  n: number,
  chunk: number,
  make: (i: number) => R,
): Promise<number> {
  const names = columns.map(([c]) => c).join(", ");
  const defs = columns.map(([c, t]) => `${c} ${t}`).join(", ");
  const statement = (json: string): SQL =>
    sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as r(${sql.raw(defs)})`;
  let pending: Promise<unknown> | undefined;
  for (let start = 0; start < n; start += chunk) {
    const rows: R[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) rows.push(make(i));
    const json = JSON.stringify(rows);
    await pending;
    pending = tx.execute(statement(json));
  }
  await pending;
  return n;
}

const iso = (ms: number) => new Date(ms).toISOString();
const slugOf = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");

type ContactRow = {
  id: string; workspace_id: string; created_by: string; name: string; emails: string[]; phone: string | null;
  company: string | null; title: string | null; location: string | null; url: string | null; how_we_met: string | null;
  tags: string[]; interests: string | null; needs: string | null; offers: string | null; cadence_days: number | null;
  search_text: string; archived_at: string | null; created_at: string; updated_at: string;
};

const contactsStep: Step = {
  table: "contacts",
  count: (plan) => plan.counts.contacts,
  async run(tx, ws, rng, n) {
    // A pool of companies with a long tail: the first few are very common, most are rare.
    const companies = shuffled(COMPANY_PREFIXES.flatMap((p) => COMPANY_SUFFIXES.map((s) => `${p} ${s}`)), rng);
    const cadence = weighted<number | null>([[30, 1], [60, 2], [90, 5], [180, 2], [365, 1], [null, 2]]);
    const columns: Column[] = [
      ["id", "uuid"], ["workspace_id", "uuid"], ["created_by", "uuid"], ["name", "text"], ["emails", "text[]"],
      ["phone", "text"], ["company", "text"], ["title", "text"], ["location", "text"], ["url", "text"],
      ["how_we_met", "text"], ["tags", "text[]"], ["interests", "text"], ["needs", "text"], ["offers", "text"],
      ["cadence_days", "integer"], ["search_text", "text"], ["archived_at", "timestamptz"],
      ["created_at", "timestamptz"], ["updated_at", "timestamptz"],
    ];
    return bulkInsert<ContactRow>(tx, "contacts", columns, n, 5_000, () => {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.chance(0.03) ? `${rng.pick(LAST_NAMES)}-${rng.pick(LAST_NAMES)}` : rng.pick(LAST_NAMES);
      const middle = rng.chance(0.08) ? ` ${String.fromCharCode(65 + rng.int(26))}.` : "";
      const name = `${first}${middle} ${last}`;
      const company = rng.chance(0.12) ? null : (companies[rng.skewed(companies.length, 2.2)] ?? null);
      const domain = company ? `${slugOf(company)}.${rng.pick(["com", "com", "io", "ai", "co"])}` : null;
      const local = slugOf(first), surname = slugOf(last);
      const emails: string[] = [];
      const emailCount = weighted<number>([[0, 10], [1, 70], [2, 20]])(rng);
      if (emailCount > 0 && domain) emails.push(rng.chance(0.5) ? `${local}.${surname}@${domain}` : `${local[0] ?? "x"}${surname}@${domain}`);
      while (emails.length < emailCount) emails.push(`${local}.${surname}${rng.chance(0.5) ? rng.int(100) : ""}@${rng.pick(PERSONAL_DOMAINS)}`);
      const tags = new Set<string>();
      const tagCount = TAG_COUNT(rng);
      for (let t = 0; t < tagCount * 2 && tags.size < tagCount; t++) tags.add(TAGS(rng));
      const tagList = [...tags];
      const createdAt = ANCHOR - rng.int(HISTORY);
      const updatedAt = rng.chance(0.3) ? createdAt + rng.int(ANCHOR - createdAt) : createdAt;
      const archivedAt = rng.chance(0.02) ? createdAt + rng.int(ANCHOR - createdAt) : null;
      const id = rng.uuid();
      ws.contacts.push({ id, createdAt, first });
      return {
        id,
        workspace_id: ws.id,
        created_by: rng.pick(ws.memberIds),
        name,
        emails,
        phone: rng.chance(0.45) ? `+1 ${200 + rng.int(800)}-${100 + rng.int(900)}-${1000 + rng.int(9000)}` : null,
        company,
        title: TITLES(rng),
        location: rng.chance(0.6) ? rng.pick(CITIES) : null,
        url: rng.chance(0.35) ? `https://linkedin.com/in/${local}-${surname}-${rng.int(10_000)}` : null,
        how_we_met: rng.chance(0.3)
          ? rng.pick([`Met at ${rng.pick(EVENTS)}`, `Intro from ${rng.pick(FIRST_NAMES)}`, `Via ${rng.pick(COMMUNITIES)}`, "College friends", `Cold email about ${rng.pick(TOPICS)}`])
          : null,
        tags: tagList,
        interests: rng.chance(0.2) ? `${rng.pick(TOPICS)}, ${rng.pick(TOPICS)}` : null,
        needs: rng.chance(0.1) ? `Looking for a ${rng.pick(ROLES)}` : null,
        offers: rng.chance(0.1) ? `Happy to advise on ${rng.pick(TOPICS)}` : null,
        cadence_days: cadence(rng),
        // Exactly what the data layer stores (db/queries/contacts.ts).
        search_text: searchTextOf({ name, company, emails, tags: tagList }),
        archived_at: archivedAt === null ? null : iso(archivedAt),
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      };
    });
  },
};

type NoteRow = {
  id: string; workspace_id: string; contact_id: string; author_id: string; visibility: "private" | "team";
  body: string; created_at: string; updated_at: string;
};

const notesStep: Step = {
  table: "notes",
  count: (plan) => plan.counts.notes,
  async run(tx, ws, rng, n) {
    if (ws.contacts.length === 0) throw new Error("notes need contacts: run the contacts step first");
    // Notes cluster on a minority of contacts (power 1.5: the busiest has ~150 at scale 1).
    const order = shuffled(ws.contacts, rng);
    const sentences = weighted<number>([[1, 30], [2, 35], [3, 20], [4, 10], [6, 5]]);
    const columns: Column[] = [
      ["id", "uuid"], ["workspace_id", "uuid"], ["contact_id", "uuid"], ["author_id", "uuid"],
      ["visibility", "note_visibility"], ["body", "text"], ["created_at", "timestamptz"], ["updated_at", "timestamptz"],
    ];
    return bulkInsert<NoteRow>(tx, "notes", columns, n, 10_000, () => {
      const contact = order[rng.skewed(order.length, 1.5)];
      if (!contact) throw new Error("no contact");
      const parts: string[] = [];
      const count = sentences(rng);
      for (let s = 0; s < count; s++) parts.push(NOTE_SENTENCES(rng)(rng, contact.first));
      if (rng.chance(0.002)) parts.splice(rng.int(parts.length + 1), 0, `Mentioned the ${rng.pick(RARE_NOTE_WORDS)} project again.`);
      const createdAt = contact.createdAt + rng.int(Math.max(1, ANCHOR - contact.createdAt));
      const updatedAt = rng.chance(0.15) ? createdAt + rng.int(Math.max(1, ANCHOR - createdAt)) : createdAt;
      return {
        id: rng.uuid(),
        workspace_id: ws.id,
        contact_id: contact.id,
        author_id: rng.pick(ws.memberIds),
        visibility: rng.chance(0.55) ? "team" : "private",
        body: parts.join(" "),
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      };
    });
  },
};

/**
 * The loaders, in dependency order. EXTENSION POINT: interactions (2,000,000 at scale 1,
 * PRODUCT.md §10), promises and whatever derives from them (relationship stats) go here
 * once their tables are committed, e.g.
 *   const interactionsStep: Step = { table: "interactions", count: (p) => p.counts.interactions,
 *     run: (tx, ws, rng, n) => bulkInsert(tx, "interactions", columns, n, 20_000, () => …) };
 * with `interactions` added to WorkspacePlan.counts (and to PLANS). Use ws.contacts and
 * ws.memberIds for foreign keys and dates; a derived table can be filled by one
 * INSERT … SELECT … GROUP BY after its sources. --reset needs nothing: the workspace
 * cascade removes the rows, with temporary indexes for any foreign key that needs one.
 * At 2,000,000 rows, consider `INSERT … SELECT … FROM generate_series(…)` with the
 * randomness in SQL (e.g. hashes of the row number) instead of JSON chunks.
 */
const STEPS: readonly Step[] = [contactsStep, notesStep];

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

const seedEmails = SEED_USERS.map((u) => u.email);
const seedSlugs = PLANS.map((p) => p.slug);

async function existingSeed(tx: Tx): Promise<string[]> {
  const found = await queryRows<{ what: string }>(
    tx,
    sql`select 'workspace ' || slug as what from workspaces where slug in ${seedSlugs}
        union all select 'user ' || email from users where email in ${seedEmails}`,
  );
  return found.map((r) => r.what);
}

/**
 * Deletes an earlier seed. Deleting a contact runs each referencing table's foreign-key
 * action (e.g. DELETE FROM notes WHERE contact_id = $1) once per contact, and the tenant
 * indexes lead with workspace_id, not contact_id: without help, that is one scan of the
 * child table per contact (~25 ms each at 200,000 notes: ~20 minutes for 50,000 contacts).
 * So for every foreign key that points at a many-row table (anything but users and
 * workspaces) and that no index leads with, a transaction-local index is built first and
 * dropped again before commit: the schema is unchanged afterwards. A fresh database is
 * still faster than --reset.
 */
async function resetSeed(tx: Tx): Promise<void> {
  const started = performance.now();
  const unindexed = await queryRows<{ tbl: string; cols: string[] }>(
    tx,
    sql`select c.conrelid::regclass::text as tbl,
               array(select a.attname from unnest(c.conkey) with ordinality k(n, o)
                     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o)::text[] as cols
        from pg_constraint c
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
          and c.confrelid not in ('users'::regclass, 'workspaces'::regclass)
          and not exists (
            select 1 from pg_index i where i.indrelid = c.conrelid
              and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
              and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)`,
  );
  const temporary = unindexed.map((fk, i) => ({ name: `seed_large_reset_${i}`, ...fk }));
  for (const t of temporary) {
    const cols = t.cols.map((c) => `"${c.replace(/"/g, '""')}"`).join(", ");
    await tx.execute(sql.raw(`create index ${t.name} on ${t.tbl} (${cols})`));
  }
  const personal = await queryRows<{ id: string }>(
    tx,
    sql`select w.id from workspaces w join memberships m on m.workspace_id = w.id join users u on u.id = m.user_id
        where w.personal and u.email in ${seedEmails}`,
  );
  const seeded = await queryRows<{ id: string }>(tx, sql`select id from workspaces where slug in ${seedSlugs}`);
  const ids = [...personal, ...seeded].map((r) => r.id);
  if (ids.length > 0) await tx.delete(workspaces).where(inArray(workspaces.id, ids));
  await tx.delete(users).where(inArray(users.email, seedEmails));
  for (const t of temporary) await tx.execute(sql.raw(`drop index ${t.name}`));
  console.info(
    `[seed] --reset: removed the earlier seed in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (temporary.length > 0 ? ` (with temporary indexes on ${temporary.map((t) => `${t.tbl}(${t.cols.join(", ")})`).join(", ")})` : ""),
  );
}

type Stat = { table: string; rows: number; ms: number };

async function main(): Promise<number> {
  assertRareWordsAreRare();
  if (!(await verifyPassword(SEED_PASSWORD_HASH, SEED_PASSWORD))) throw new Error("SEED_PASSWORD_HASH does not match SEED_PASSWORD");
  const e = env();
  const where = e.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${e.dataDir}`;
  console.info(`[seed] ${where}, scale ${scale}, history ends ${anchorDay}`);

  const t0 = performance.now();
  await runMigrations();
  const handle = await getHandle();
  const stats: Stat[] = [];
  const record = (table: string, rows: number, ms: number) => {
    const s = stats.find((x) => x.table === table);
    if (!s) return void stats.push({ table, rows, ms });
    s.rows += rows;
    s.ms += ms;
  };

  let loadStart = performance.now();
  const outcome = await handle.db.transaction(async (tx) => {
    const found = await existingSeed(tx);
    if (found.length > 0) {
      if (!args.reset) return found;
      await resetSeed(tx);
    }
    loadStart = performance.now();
    if (handle.kind === "postgres") {
      // Room for the GIN pending-list merges during the load (this transaction only).
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    }

    let t = performance.now();
    const userRng = new Rng("seed-large:users");
    const userRows = SEED_USERS.map((u) => ({
      id: userRng.uuid(),
      name: u.name,
      email: u.email,
      emailVerified: new Date(ANCHOR - HISTORY),
      passwordHash: SEED_PASSWORD_HASH,
      timeZone: "UTC",
      createdAt: new Date(ANCHOR - HISTORY),
    }));
    await tx.insert(users).values(userRows);
    // Every account has a personal workspace in the app (db/queries/users.ts): so do these.
    for (const u of userRows) await createPersonalWorkspace(tx, u);
    record("users", userRows.length, performance.now() - t);

    for (const plan of PLANS) {
      t = performance.now();
      const wsRng = new Rng(`${plan.slug}:workspace`);
      const id = wsRng.uuid();
      await tx.insert(workspaces).values({ id, slug: plan.slug, name: plan.name, createdAt: new Date(ANCHOR - HISTORY) });
      const memberIds = plan.members.map(([i]) => userRows[i]?.id ?? "");
      await tx.insert(memberships).values(
        plan.members.map(([i, role]) => ({ workspaceId: id, userId: userRows[i]?.id ?? "", role, createdAt: new Date(ANCHOR - HISTORY) })),
      );
      record("workspaces", 1, performance.now() - t);

      const ws: SeededWorkspace = { plan, id, memberIds, contacts: [] };
      for (const step of STEPS) {
        const n = Math.max(1, Math.round(step.count(plan) * scale));
        t = performance.now();
        const rows = await step.run(tx, ws, new Rng(`${plan.slug}:${step.table}`), n);
        const ms = performance.now() - t;
        record(step.table, rows, ms);
        console.info(`[seed] ${plan.slug}: ${rows.toLocaleString("en")} ${step.table} in ${(ms / 1000).toFixed(1)} s`);
      }
    }
    return [];
  });

  if (outcome.length > 0) {
    console.error(
      `[seed] refusing: this database already holds the seed (${outcome.join(", ")}).\n` +
        "       Re-run with --reset to replace it, or point DATABASE_URL / DATA_DIR elsewhere.",
    );
    return 1;
  }
  const loaded = performance.now();

  // Statistics for the planner, the visibility map, and GIN pending lists merged (see top).
  const tv = performance.now();
  for (const table of ["users", "workspaces", "memberships", ...STEPS.map((s) => s.table)]) {
    await handle.db.execute(sql`vacuum (analyze) ${sql.raw(table)}`);
  }
  const vacuumMs = performance.now() - tv;
  const total = performance.now() - t0;

  const rows = stats.map((s) => [s.table, s.rows.toLocaleString("en"), (s.ms / 1000).toFixed(2), Math.round(s.rows / (s.ms / 1000)).toLocaleString("en")]);
  const table = [["table", "rows", "seconds", "rows/s"], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.info("");
  for (const r of table) console.info(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`);
  const allRows = stats.reduce((a, s) => a + s.rows, 0);
  const loadSeconds = (loaded - loadStart) / 1000;
  console.info(
    `\n[seed] ${allRows.toLocaleString("en")} rows loaded and committed in ${loadSeconds.toFixed(1)} s ` +
      `(${Math.round(allRows / loadSeconds).toLocaleString("en")} rows/s); ` +
      `VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s; total ${(total / 1000).toFixed(1)} s`,
  );
  console.info(`[seed] workspaces: ${seedSlugs.join(", ")}. Users (password "${SEED_PASSWORD}"):`);
  for (const [i, u] of SEED_USERS.entries()) {
    const roles = PLANS.flatMap((p) => p.members.filter(([m]) => m === i).map(([, r]) => `${r} of ${p.slug}`));
    console.info(`  ${u.email}  ${u.name}  (${roles.join(", ")})`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error("[seed] failed:", err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
} finally {
  await closeDb();
}
