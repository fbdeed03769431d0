/**
 * A large, deterministic dataset for benchmarks: `npm run seed:large [-- --scale 0.05] [--reset]`.
 *
 * - PostgreSQL when DATABASE_URL is set, else the embedded PGlite in DATA_DIR (as the app).
 * - Runs the migrations first, then loads everything in ONE transaction: a failed run
 *   leaves nothing behind. Refuses a database that already holds the seed (workspace
 *   `seed-large` or `seed-other`, or a seed user) unless `--reset` is given, which deletes
 *   the earlier seed inside that same transaction.
 * - What: 5 users; workspace `seed-large` (5 members, 50,000 contacts, 200,000 notes,
 *   2,000,000 interactions over three years, 5,000 open promises, and the relationship_stats
 *   they imply) and a smaller neighbour `seed-other` (2 members, 2,000 / 5,000 / 80,000 / 200),
 *   plus, derived from those, each workspace's activity feed (contacts added, team notes
 *   shared) and the member_flows rollup (kept by triggers; checked here).
 *   `--scale` multiplies every count.
 * - Deterministic: every table of every workspace draws from its own seeded PRNG stream,
 *   so the same `--scale` gives the same rows (ids included) on every run and on both
 *   databases. Only the time anchor moves: created_at values end at the start of the
 *   current UTC day unless `--anchor 2026-11-25` pins it.
 * - Fast: contacts, notes and promises are generated in JS and sent in chunks of thousands
 *   per statement (`INSERT … SELECT … FROM jsonb_to_recordset($1)`), one parameter per
 *   chunk, so both drivers take the same path; the next chunk is generated while the
 *   previous one is being written. Interactions are planned per relationship in JS and
 *   expanded by one `INSERT … SELECT … FROM generate_series` with the randomness in SQL
 *   (hashint8extended of the row's ordinal: the same rows on PostgreSQL and PGlite).
 *   relationship_stats is one `INSERT … SELECT … GROUP BY` with refreshStats' formulas,
 *   checked against lib/scoring on a sample before the transaction commits.
 * - Ends with VACUUM (ANALYZE) of the loaded tables: planner statistics, a visibility map
 *   for index-only scans, and the GIN pending lists merged into the trigram indexes
 *   (otherwise every search scans the pending list linearly).
 *
 * Adding a table: write a `Step` (see STEPS near the end) and give it a count in
 * `WorkspacePlan`. Each step gets its own PRNG stream, so a new step does not change the
 * rows of the existing ones.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { inArray, sql, type SQL } from "drizzle-orm";
import { closeDb, getHandle, queryRows, type Tx } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import { searchTextOf } from "@/db/queries/contacts";
import { epochPower } from "@/db/queries/scores";
import { createPersonalWorkspace } from "@/db/queries/users";
import { verifyPassword } from "@/lib/password";
import { env } from "@/lib/env";
import { KINDS, KIND_NAMES, askStreak, decayFactor, scoreRelationship, type Direction, type Kind } from "@/lib/scoring";

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------

const USAGE = `Usage: npm run seed:large [-- --scale <0..1>|small|medium] [--reset] [--anchor YYYY-MM-DD]
  --scale   multiplies every row count (default 1: 50,000 contacts, 200,000 notes, 2,000,000 interactions);
            small = 0.02 (for PGlite: 1,000 contacts), medium = 0.2, full = 1
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
/** Named scales: `small` suits the embedded PGlite (seconds), `medium` a quick PostgreSQL run. */
const NAMED_SCALES: Record<string, number> = { small: 0.02, medium: 0.2, full: 1 };
const scale = NAMED_SCALES[args.scale] ?? Number(args.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
  console.error(`--scale must be small, medium, full or a number in (0, 1], e.g. --scale 0.05 (got "${args.scale}")\n${USAGE}`);
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
  counts: { contacts: number; notes: number; interactions: number; promises: number };
  /**
   * How much each member (same order as `members`) logs: who knows a contact is drawn with
   * these weights, and their relationships are heavier too. Deterministic, so "the member
   * with the most interactions" is always the same one.
   */
  activity: readonly number[];
};

const PLANS: readonly WorkspacePlan[] = [
  {
    slug: "seed-large",
    name: "Seed Large",
    members: [[0, "owner"], [1, "admin"], [2, "member"], [3, "member"], [4, "member"]],
    counts: { contacts: 50_000, notes: 200_000, interactions: 2_000_000, promises: 5_000 },
    activity: [1, 0.75, 0.85, 0.5, 0.4],
  },
  {
    // A neighbour, so isolation is exercised: user 1 is in both, and its notes use the same words.
    slug: "seed-other",
    name: "Seed Other",
    members: [[4, "owner"], [0, "member"]],
    counts: { contacts: 2_000, notes: 5_000, interactions: 80_000, promises: 200 },
    activity: [1, 0.6],
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
  /** Filled by the interactions step: every (member, contact) pair that has interactions. */
  relationships: Relationship[];
};

type Step = {
  table: string;
  /** Rows at scale 1, or null for a table derived from earlier steps (its `n` is then 0). */
  count: (plan: WorkspacePlan) => number | null;
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

// ---------------------------------------------------------------------------------------
// The ledger: interactions, promises, relationship_stats
// ---------------------------------------------------------------------------------------

/**
 * One member's relationship with one contact, planned in JS (who, how many, when, what
 * character) and expanded into its interactions in SQL (see interactionsStep).
 */
type Relationship = {
  /** Ordinal of its first interaction in the workspace: interaction k hashes o + k. */
  o: number;
  u: string;
  c: string;
  n: number;
  /** First and last day its interactions fall on, in whole days since 1970-01-01 UTC. */
  d0: number;
  d1: number;
  /** Share of mutual kinds; of the rest, share of asks; of what is left, share given (vs received). */
  pm: number;
  pa: number;
  pg: number;
};

/** How many members know a contact: none, one, two, … (truncated to the workspace's size). */
const REACH = [25, 35, 20, 10, 6, 4];
/** No relationship gets more interactions than this (≈ 3 a day for three years). */
const RELATIONSHIP_CAP = 3_000;
/** How often each kind is logged, relative to the others of its class (gave, received, ask, mutual). */
const KIND_FREQUENCY: Record<Kind, number> = {
  intro: 6, referral: 2, advice: 10, information: 14, favor: 6, recommendation: 5, gift: 2, support: 10,
  ask: 1, meeting: 10, call: 10, event: 4, message: 20,
};
/** Share of interactions logged with the kind's default weight; the rest get 1–5 at random. */
const DEFAULT_WEIGHT_SHARE = 0.85;
const DETAILS_SHARE = 0.12;

/**
 * One-line summaries per kind and direction, for format(): %1$s topic, %2$s a person,
 * %3$s a company, %4$s a role, %5$s a thing, %6$s an event, %7$s a small number.
 * Every direction a kind allows in KINDS needs at least one (checked at start).
 */
const SUMMARIES: Record<Kind, Partial<Record<Direction, readonly string[]>>> = {
  intro: {
    gave: ["Introduced them to %2$s about %1$s", "Intro to %2$s at %3$s", "Double opt-in intro to %2$s"],
    received: ["They introduced me to %2$s (%3$s)", "Intro from them to %2$s re: %1$s"],
  },
  referral: {
    gave: ["Referred them for the %4$s role at %3$s", "Sent %3$s their way as a customer lead"],
    received: ["They referred %2$s to us for the %4$s role", "Referral: %3$s came to us through them"],
  },
  advice: {
    gave: ["Advised them on %1$s", "Gave feedback on %5$s", "Walked them through %1$s"],
    received: ["Their advice on %1$s", "They reviewed %5$s and gave feedback"],
  },
  information: {
    gave: ["Sent an article about %1$s", "Shared a lead at %3$s", "Tip about %1$s"],
    received: ["They sent a piece on %1$s", "Lead from them: %2$s at %3$s"],
  },
  favor: {
    gave: ["Helped them prepare for %6$s", "Reference call for %2$s", "Reviewed their %4$s job description"],
    received: ["They covered for me at %6$s", "They did a reference call for %2$s"],
  },
  recommendation: {
    gave: ["Recommended them to %2$s at %3$s", "Recommended a book on %1$s"],
    received: ["They recommended me to %2$s", "Their recommendation: a book on %1$s"],
  },
  gift: {
    gave: ["Sent a gift after %6$s", "Birthday gift"],
    received: ["They sent a gift", "Thank-you gift from them after %6$s"],
  },
  support: {
    gave: ["Congratulated them on the new role at %3$s", "Checked in about %1$s"],
    received: ["They checked in about %1$s", "Congratulations from them on %1$s"],
  },
  ask: { received: ["Asked them for an intro to %2$s", "Asked for advice on %1$s", "Asked them to review %5$s", "Asked about the %4$s role at %3$s"] },
  meeting: { mutual: ["Coffee about %1$s", "Met at %6$s", "Lunch with them and %2$s"] },
  call: { mutual: ["Call about %1$s", "Catch-up call", "%7$s-minute call about %3$s"] },
  event: { mutual: ["Both at %6$s", "Dinner after %6$s"] },
  message: { mutual: ["Messages about %1$s", "Quick exchange about %3$s", "Thread about %2$s"] },
};
const DETAILS = [
  "Follow up in %7$s weeks about %1$s.", "%2$s was there as well.", "They mentioned %3$s is hiring a %4$s.",
  "Promised to send %5$s.", "Long conversation; they are thinking about %1$s.",
];
const PROMISE_TEMPLATES: readonly ((rng: Rng) => string)[] = [
  (r) => `Introduce them to ${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
  (r) => `Send ${r.pick(THINGS)}`,
  (r) => `Share my notes on ${r.pick(TOPICS)}`,
  (r) => `Review their deck before the ${r.pick(ROUNDS)} round`,
  (r) => `Find them a ${r.pick(ROLES)}`,
  (r) => `Check in after ${r.pick(EVENTS)}`,
];

type Class = "gave" | "received" | "ask" | "mutual";
type Slot = { slot: number; kind: Kind; direction: Direction; weight: number; toff: number; tcount: number; cls: Class; freq: number };

/** Every (kind, direction) KINDS allows, with its default weight and its summaries' place in one flat array. */
function ledgerSlots(): { slots: Slot[]; templates: string[] } {
  const slots: Slot[] = [];
  const templates: string[] = [];
  for (const kind of KIND_NAMES) {
    for (const direction of KINDS[kind].directions) {
      const t = SUMMARIES[kind][direction];
      if (!t || t.length === 0) throw new Error(`no summaries for ${kind}/${direction}: add them to SUMMARIES`);
      const cls: Class = direction === "mutual" ? "mutual" : kind === "ask" ? "ask" : direction;
      slots.push({ slot: slots.length, kind, direction, weight: KINDS[kind].weight, toff: templates.length + 1, tcount: t.length, cls, freq: KIND_FREQUENCY[kind] });
      templates.push(...t);
    }
  }
  for (const cls of ["gave", "received", "ask", "mutual"] as const) {
    if (!slots.some((s) => s.cls === cls)) throw new Error(`KINDS has no kind for "${cls}"`);
  }
  return { slots, templates };
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Whole numbers, each in [1, caps[i]], proportional to `raw`, summing to exactly `total`. */
function apportion(raw: readonly number[], total: number, caps: readonly number[]): number[] {
  const room = caps.reduce((a, b) => a + b, 0) >= total ? caps : caps.map(() => total);
  const at = (s: number) => raw.map((r, i) => Math.min(room[i] ?? total, Math.max(1, Math.round(r * s))));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let lo = 0, hi = 1;
  while (sum(at(hi)) < total) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(at(mid)) <= total) lo = mid;
    else hi = mid;
  }
  const out = at(lo);
  let missing = total - sum(out);
  // The few left over go one each to the largest that have room, in order.
  const order = raw.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
  for (let k = 0; missing > 0; k = (k + 1) % order.length) {
    const i = order[k] ?? 0;
    if ((out[i] ?? 0) < (room[i] ?? total)) {
      out[i] = (out[i] ?? 0) + 1;
      missing--;
    }
  }
  return out;
}

/**
 * Who knows whom, and how well. A quarter of the contacts have no relationship with anyone,
 * most have one member, a few the whole team (~30 % of member–contact pairs have any). Each
 * relationship has a window — it starts on or after the day the contact was added, and 60 %
 * (all the busy ones) are still going, the rest went quiet — and a log-normal rate per year
 * (heavier for shared contacts and active members), so its size is rate × window: median a
 * few, a long tail, at most RELATIONSHIP_CAP and 3 a day; then all are scaled to exactly
 * `total`. And a character: a third give more than they take, a third take more (and ask).
 */
function planRelationships(ws: SeededWorkspace, rng: Rng, total: number): Relationship[] {
  const members = ws.memberIds.length;
  const activity = ws.plan.activity;
  const reach = weighted(REACH.slice(0, members + 1).map((w, i) => [i, w] as const));
  const anchorDay = ANCHOR / DAY;
  type Pair = Omit<Relationship, "o" | "n"> & { raw: number };
  const pairs: Pair[] = [];
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  for (const contact of ws.contacts) {
    const k = reach(rng);
    const chosen: number[] = [];
    while (chosen.length < k) chosen.push(weighted(activity.map((a, i) => [i, chosen.includes(i) ? 0 : a] as const))(rng));
    for (const m of chosen.sort((a, b) => a - b)) {
      const rate = Math.exp(1 + 1.6 * normal(rng)) * (1 + 0.5 * (k - 1)) * (0.5 + 0.5 * (activity[m] ?? 1));
      const born = Math.floor(contact.createdAt / DAY);
      const d0 = born + Math.floor(rng.next() ** 2 * 0.5 * (anchorDay - born));
      const d1 = rate > 20 || rng.chance(0.6) ? anchorDay : d0 + rng.int(anchorDay - d0 + 1);
      const style = rng.next();
      const pg = style < 0.3 ? 0.65 + 0.25 * rng.next() : style < 0.7 ? 0.4 + 0.2 * rng.next() : 0.1 + 0.25 * rng.next();
      const pa = style >= 0.7 ? 0.1 + 0.2 * rng.next() : 0.03 + 0.12 * rng.next();
      const pm = 0.2 + 0.4 * rng.next();
      pairs.push({ u: ws.memberIds[m] ?? "", c: contact.id, d0, d1, pm: r3(pm), pa: r3(pa), pg: r3(pg), raw: (rate * (d1 - d0 + 1)) / 365 });
    }
  }
  const first = ws.contacts[0];
  if (pairs.length === 0 && first) {
    const d0 = Math.floor(first.createdAt / DAY);
    pairs.push({ u: ws.memberIds[0] ?? "", c: first.id, d0, d1: anchorDay, pm: 0.4, pa: 0.1, pg: 0.5, raw: 1 });
  }
  const kept = pairs.slice(0, total);
  const sizes = apportion(kept.map((p) => p.raw), total, kept.map((p) => Math.min(RELATIONSHIP_CAP, 3 * (p.d1 - p.d0 + 1))));
  let o = 0;
  return kept.map(({ raw: _raw, ...p }, i) => {
    const n = sizes[i] ?? 1;
    const rel: Relationship = { o, n, ...p };
    o += n;
    return rel;
  });
}

/**
 * 2,000,000 rows at scale 1: the relationships are planned in JS (a few MB of JSON), and
 * every interaction is made in SQL by ONE `INSERT … SELECT … FROM generate_series`, its
 * randomness from hashint8extended(ordinal, seed) — the same values on PostgreSQL and PGlite,
 * run after run. Kinds and directions come from KINDS (lib/scoring): a kind only goes the ways
 * it allows, mostly with its default weight. Dates are whole UTC days (the app stores the
 * start of the chosen day), skewed towards the end of each relationship's window.
 *
 * Rows are written in the order they would have been logged (created_at), as in production:
 * a relationship's rows end up spread over the table, not packed together, so the bench
 * reads as many pages per relationship as a real database would.
 */
const interactionsStep: Step = {
  table: "interactions",
  count: (plan) => plan.counts.interactions,
  async run(tx, ws, rng, n) {
    ws.relationships = planRelationships(ws, rng, n);
    const salt = rng.u32() * 64;
    const { slots, templates } = ledgerSlots();
    const u = (i: number) => sql.raw(`((hashint8extended(x, ${salt + i}) & 4294967295)::float8 / 4294967296)`);
    /** CASE picking a slot of `cls` by frequency, from uniform `r`. */
    const pick = (cls: Class, r: SQL) => {
      const of = slots.filter((s) => s.cls === cls);
      const all = of.reduce((a, s) => a + s.freq, 0);
      let cum = 0;
      const arms = of.slice(0, -1).map((x) => sql`when ${r} < ${sql.raw(String((cum += x.freq) / all))} then ${sql.raw(String(x.slot))} `);
      const last = sql.raw(String(of.at(-1)?.slot ?? 0));
      return arms.length === 0 ? last : sql`(case ${sql.join(arms)}else ${last} end)`;
    };
    const vocabulary = JSON.stringify({
      topics: TOPICS, first: FIRST_NAMES, last: LAST_NAMES, roles: ROLES, things: THINGS, events: EVENTS,
      companies: COMPANY_PREFIXES.flatMap((p) => COMPANY_SUFFIXES.map((s) => `${p} ${s}`)),
      templates, details: DETAILS,
    });
    const list = (name: string) => sql.raw(`array(select jsonb_array_elements_text(p.j -> '${name}')) as ${name}`);
    const from = (name: string, r: SQL) => sql`${sql.raw(`v.${name}`)}[1 + floor(${r} * cardinality(${sql.raw(`v.${name}`)}))::int]`;
    const args = sql.join(
      [from("topics", u(11)), sql`${from("first", u(12))} || ' ' || ${from("last", u(13))}`, from("companies", u(14)),
        from("roles", u(15)), from("things", u(16)), from("events", u(17)), sql`(15 * (1 + floor(${u(18)} * 4)))::text`],
      sql`, `,
    );
    const anchor = sql`${iso(ANCHOR)}::timestamptz`;
    await tx.execute(sql`
      with p as (select ${vocabulary}::jsonb as j),
      v as (select ${sql.join(["topics", "first", "last", "roles", "things", "events", "companies", "templates", "details"].map(list), sql`, `)} from p),
      s as (
        select * from jsonb_to_recordset(${JSON.stringify(slots)}::jsonb)
          as s(slot int, kind interaction_kind, direction interaction_direction, weight int, toff int, tcount int)
      ),
      r as (
        select * from jsonb_to_recordset(${JSON.stringify(ws.relationships)}::jsonb)
          as r(o int8, u uuid, c uuid, n int, d0 int, d1 int, pm float8, pa float8, pg float8)
      ),
      g as (select r.u, r.c, r.d0, r.d1, r.pm, r.pa, r.pg, r.o + k as x from r cross join generate_series(0, r.n - 1) as k),
      h as (
        select g.u, g.c, g.x,
          g.d0 + least(g.d1 - g.d0, floor(power(${u(1)}, 0.85) * (g.d1 - g.d0 + 1))::int) as day,
          case when ${u(2)} < g.pm then ${pick("mutual", u(5))}
               when ${u(3)} < g.pa then ${pick("ask", u(5))}
               when ${u(4)} < g.pg then ${pick("gave", u(5))}
               else ${pick("received", u(5))} end as slot
        from g
      ),
      rows as (
        select
          overlay(overlay(md5(${sql.raw(`'${salt}:'`)} || h.x::text) placing '4' from 13) placing '8' from 17)::uuid as id,
          h.u, h.c, s.direction, s.kind,
          case when ${u(6)} < ${DEFAULT_WEIGHT_SHARE} then s.weight else 1 + floor(${u(7)} * 5)::int end as weight,
          to_timestamp(h.day::float8 * 86400) as occurred_at,
          format(v.templates[s.toff + floor(${u(8)} * s.tcount)::int], ${args}) as summary,
          case when ${u(9)} < ${DETAILS_SHARE} then format(${from("details", u(19))}, ${args}) end as details,
          least(to_timestamp(h.day::float8 * 86400) + ${u(10)} * interval '36 hours', ${anchor}) as created_at
        from h join s on s.slot = h.slot cross join v
      )
      insert into interactions (id, workspace_id, contact_id, user_id, direction, kind, weight, occurred_at, summary, details, created_at, updated_at)
      select id, ${ws.id}::uuid, c, u, direction, kind, weight, occurred_at, summary, details, created_at, created_at
      from rows order by created_at, id`);
    // The next steps plan on these rows: give the planner their statistics now (ANALYZE,
    // unlike VACUUM, runs inside the transaction and sees its own rows).
    await tx.execute(sql`analyze interactions`);
    return n;
  },
};

type PromiseRow = {
  id: string; workspace_id: string; contact_id: string; user_id: string; description: string;
  due_on: string | null; created_at: string;
};

/**
 * Open promises, on the busier relationships more often: a quarter without a due date, a
 * fifth overdue (up to two months), a sixth due within a week, the rest later.
 */
const promisesStep: Step = {
  table: "promises",
  count: (plan) => plan.counts.promises,
  async run(tx, ws, rng, n) {
    if (ws.relationships.length === 0) throw new Error("promises need relationships: run the interactions step first");
    const busiest = [...ws.relationships].sort((a, b) => b.n - a.n || a.o - b.o);
    const due = weighted<"none" | "overdue" | "soon" | "later">([["none", 25], ["overdue", 20], ["soon", 17], ["later", 38]]);
    const anchorDay = ANCHOR / DAY;
    const day = (d: number) => iso(d * DAY).slice(0, 10);
    const columns: Column[] = [
      ["id", "uuid"], ["workspace_id", "uuid"], ["contact_id", "uuid"], ["user_id", "uuid"], ["description", "text"],
      ["due_on", "date"], ["created_at", "timestamptz"],
    ];
    return bulkInsert<PromiseRow>(tx, "promises", columns, n, 5_000, () => {
      const r = busiest[rng.skewed(busiest.length, 2)];
      if (!r) throw new Error("no relationship");
      const when = due(rng);
      const dueDay =
        when === "overdue" ? anchorDay - 1 - rng.int(60)
        : when === "soon" ? anchorDay + rng.int(8)
        : when === "later" ? anchorDay + 8 + rng.int(113)
        : null;
      const madeDay = Math.max(r.d0, Math.min(dueDay ?? anchorDay, anchorDay) - 3 - rng.int(60));
      return {
        id: rng.uuid(),
        workspace_id: ws.id,
        contact_id: r.c,
        user_id: r.u,
        description: rng.pick(PROMISE_TEMPLATES)(rng),
        due_on: dueDay === null ? null : day(dueDay),
        created_at: iso(Math.min(ANCHOR, madeDay * DAY + rng.int(DAY))),
      };
    });
  },
};

/**
 * relationship_stats from the interactions in ONE set-based statement: per (workspace,
 * member, contact), exactly the columns refreshStats (db/queries/ledger.ts) writes for one
 * relationship, with the same epochPower. A window gives every row its relationship's
 * last `gave`, so the ask streak (asks strictly after it) is counted in the same pass.
 * Then checked against the reference in lib/scoring on a sample of relationships.
 */
const statsStep: Step = {
  table: "relationship_stats",
  count: () => null,
  async run(tx, ws) {
    const p = epochPower(sql`i.occurred_at`);
    await tx.execute(sql`
      insert into relationship_stats
        (workspace_id, user_id, contact_id, give_sum, take_sum, mutual_sum, interaction_count, last_at, last_gave_at, ask_streak)
      select i.workspace_id, i.user_id, i.contact_id,
        coalesce(sum(i.weight * ${p}) filter (where i.direction = 'gave'), 0),
        coalesce(sum(i.weight * ${p}) filter (where i.direction = 'received'), 0),
        coalesce(sum(i.weight * ${p}) filter (where i.direction = 'mutual'), 0),
        count(*),
        max(i.occurred_at),
        i.last_gave,
        count(*) filter (where i.kind = 'ask' and i.occurred_at > coalesce(i.last_gave, '-infinity'::timestamptz))
      from (
        select workspace_id, user_id, contact_id, direction, kind, weight, occurred_at,
          max(occurred_at) filter (where direction = 'gave') over (partition by workspace_id, user_id, contact_id) as last_gave
        from interactions where workspace_id = ${ws.id}
      ) i
      group by i.workspace_id, i.user_id, i.contact_id, i.last_gave`);
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from relationship_stats where workspace_id = ${ws.id}`);
    if (row?.n !== ws.relationships.length) {
      throw new Error(`relationship_stats: ${row?.n} rows for ${ws.relationships.length} planned relationships`);
    }
    await checkStats(tx, ws);
    return row.n;
  },
};

/**
 * The stats rows of the three heaviest relationships and ~200 others agree with the pure
 * reference (scoreRelationship, askStreak, daysSinceLastContact's newest date) over the
 * relationship's own interactions. Also: every (kind, direction) is one KINDS allows.
 */
async function checkStats(tx: Tx, ws: SeededWorkspace): Promise<void> {
  const pairs = await queryRows<{ kind: Kind; direction: Direction; n: number }>(
    tx,
    sql`select kind, direction, count(*)::int as n from interactions where workspace_id = ${ws.id} group by kind, direction`,
  );
  for (const p of pairs) {
    if (!KINDS[p.kind].directions.includes(p.direction)) throw new Error(`seeded ${p.n} ${p.kind}/${p.direction}: not allowed by KINDS`);
  }
  type StatsRow = {
    user_id: string; contact_id: string; give_sum: number; take_sum: number; mutual_sum: number;
    interaction_count: number; last_ms: number | null; last_gave_ms: number | null; ask_streak: number;
  };
  const columns = sql`user_id, contact_id, give_sum, take_sum, mutual_sum, interaction_count,
    (extract(epoch from last_at) * 1000)::float8 as last_ms, (extract(epoch from last_gave_at) * 1000)::float8 as last_gave_ms, ask_streak`;
  const sample = await queryRows<StatsRow>(
    tx,
    sql`(select ${columns} from relationship_stats where workspace_id = ${ws.id} order by interaction_count desc, contact_id limit 3)
        union all
        (select ${columns} from relationship_stats where workspace_id = ${ws.id} order by md5(contact_id::text || user_id::text) limit 200)`,
  );
  const now = new Date(ANCHOR);
  const f = decayFactor(now);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const s of sample) {
    const rows = await queryRows<{ direction: Direction; kind: Kind; weight: number; ms: number }>(
      tx,
      sql`select direction, kind, weight, (extract(epoch from occurred_at) * 1000)::float8 as ms from interactions
          where workspace_id = ${ws.id} and user_id = ${s.user_id} and contact_id = ${s.contact_id}`,
    );
    const ledger = rows.map((r) => ({ direction: r.direction, kind: r.kind, weight: Number(r.weight), occurredAt: new Date(Number(r.ms)) }));
    const ref = scoreRelationship(ledger, now);
    const gave = ledger.filter((i) => i.direction === "gave").map((i) => i.occurredAt.getTime());
    const expected = {
      count: ledger.length,
      last: Math.max(...ledger.map((i) => i.occurredAt.getTime())),
      lastGave: gave.length > 0 ? Math.max(...gave) : null,
      streak: askStreak(ledger),
    };
    const ok =
      close(Number(s.give_sum) * f, ref.give) && close(Number(s.take_sum) * f, ref.take) && close(Number(s.mutual_sum) * f, ref.mutual) &&
      Number(s.interaction_count) === expected.count && Number(s.last_ms) === expected.last &&
      (s.last_gave_ms === null ? null : Number(s.last_gave_ms)) === expected.lastGave && Number(s.ask_streak) === expected.streak;
    if (!ok) {
      throw new Error(
        `relationship_stats disagrees with lib/scoring for (${s.user_id}, ${s.contact_id}): ` +
          JSON.stringify({ stored: { ...s, give: Number(s.give_sum) * f, take: Number(s.take_sum) * f, mutual: Number(s.mutual_sum) * f }, expected: { ...expected, ...ref } }),
      );
    }
  }
  console.info(`[seed] ${ws.plan.slug}: relationship_stats agree with lib/scoring on ${sample.length} relationships; kinds/directions all allowed by KINDS`);
}

/** What the ledger looks like, for the log (and for judging the bench's cases). */
async function describeLedger(tx: Tx, ws: SeededWorkspace): Promise<void> {
  const [r] = await queryRows<{ rels: number; med: number; p90: number; p99: number; max: number; none: number }>(
    tx,
    sql`select count(*)::int as rels,
          percentile_disc(0.5) within group (order by interaction_count)::int as med,
          percentile_disc(0.9) within group (order by interaction_count)::int as p90,
          percentile_disc(0.99) within group (order by interaction_count)::int as p99,
          max(interaction_count)::int as max,
          (${ws.memberIds.length} * (select count(*) from contacts where workspace_id = ${ws.id}) - count(*))::int as none
        from relationship_stats where workspace_id = ${ws.id}`,
  );
  const [i] = await queryRows<{ gave: number; received: number; asks: number; mutual: number; dflt: number; details: number; last30: number }>(
    tx,
    sql`select avg((direction = 'gave')::int)::float8 as gave, avg((direction = 'received' and kind <> 'ask')::int)::float8 as received,
          avg((kind = 'ask')::int)::float8 as asks, avg((direction = 'mutual')::int)::float8 as mutual,
          avg((weight = case kind ${sql.join(KIND_NAMES.map((k) => sql.raw(`when '${k}' then ${KINDS[k].weight} `)))} end)::int)::float8 as dflt,
          avg((details is not null)::int)::float8 as details,
          count(*) filter (where occurred_at > ${iso(ANCHOR - 30 * DAY)}::timestamptz)::int as last30
        from interactions where workspace_id = ${ws.id}`,
  );
  const [p] = await queryRows<{ open: number; overdue: number; soon: number; undated: number }>(
    tx,
    sql`select count(*)::int as open, count(*) filter (where due_on < ${iso(ANCHOR).slice(0, 10)}::date)::int as overdue,
          count(*) filter (where due_on between ${iso(ANCHOR).slice(0, 10)}::date and ${iso(ANCHOR + 7 * DAY).slice(0, 10)}::date)::int as soon,
          count(*) filter (where due_on is null)::int as undated
        from promises where workspace_id = ${ws.id} and status = 'open'`,
  );
  const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)} %`;
  console.info(
    `[seed] ${ws.plan.slug}: ${r?.rels.toLocaleString("en")} relationships (${r?.none.toLocaleString("en")} member–contact pairs with none); ` +
      `interactions per relationship: median ${r?.med}, p90 ${r?.p90}, p99 ${r?.p99}, max ${r?.max}; ` +
      `gave ${pct(i?.gave)}, received ${pct(i?.received)}, asks ${pct(i?.asks)}, mutual ${pct(i?.mutual)}; default weight ${pct(i?.dflt)}; ` +
      `details ${pct(i?.details)}; ${i?.last30.toLocaleString("en")} in the last 30 days; ` +
      `promises: ${p?.open} open, ${p?.overdue} overdue, ${p?.soon} due within 7 days, ${p?.undated} undated`,
  );
}

/**
 * The team's activity feed (what the digest's "team" section and the feed read), derived in
 * one statement: a `contact_added` per contact by whoever added it, a `note_shared` per team
 * note by its author, at their creation times. Ids are md5 of the source row's id, so the
 * rows are the same on every run and both databases.
 */
const activityStep: Step = {
  table: "activity",
  count: () => null,
  async run(tx, ws) {
    const id = (key: string) => sql.raw(`overlay(overlay(md5('${key}:' || x.id::text) placing '4' from 13) placing '8' from 17)::uuid`);
    await tx.execute(sql`
      insert into activity (id, workspace_id, actor_id, kind, contact_id, note_id, created_at)
      select * from (
        select ${id("contact_added")}, x.workspace_id, x.created_by, 'contact_added'::activity_kind, x.id, null::uuid, x.created_at
        from contacts x where x.workspace_id = ${ws.id}
        union all
        select ${id("note_shared")}, x.workspace_id, x.author_id, 'note_shared'::activity_kind, x.contact_id, x.id, x.created_at
        from notes x where x.workspace_id = ${ws.id} and x.visibility = 'team'
      ) a order by 7, 1`);
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from activity where workspace_id = ${ws.id}`);
    return row?.n ?? 0;
  },
};

/**
 * member_flows is kept by triggers on interactions (migration 0006), so the interactions step
 * filled it already; this checks it against a fresh aggregate of the interactions (every row,
 * one statement) and reports its size.
 */
const memberFlowsStep: Step = {
  table: "member_flows",
  count: () => null,
  async run(tx, ws) {
    const [diff] = await queryRows<{ bad: number; n: number }>(
      tx,
      sql`with derived as (
            select workspace_id, user_id, occurred_at,
              count(*) filter (where direction = 'gave')::int as gc, coalesce(sum(weight) filter (where direction = 'gave'), 0)::int as gw,
              count(*) filter (where direction = 'received')::int as rc, coalesce(sum(weight) filter (where direction = 'received'), 0)::int as rw,
              count(*) filter (where direction = 'mutual')::int as mc, coalesce(sum(weight) filter (where direction = 'mutual'), 0)::int as mw
            from interactions where workspace_id = ${ws.id} group by 1, 2, 3
          ),
          stored as (
            select workspace_id, user_id, occurred_at, gave_count as gc, gave_weight as gw, received_count as rc,
              received_weight as rw, mutual_count as mc, mutual_weight as mw
            from member_flows where workspace_id = ${ws.id}
          )
          select (select count(*) from ((select * from derived except select * from stored) union all (select * from stored except select * from derived)) d)::int as bad,
            (select count(*) from stored)::int as n`,
    );
    if (!diff || diff.bad !== 0) throw new Error(`member_flows disagrees with the interactions on ${diff?.bad} rows`);
    return diff.n;
  },
};

/**
 * The loaders, in dependency order. EXTENSION POINT: a new table is a `Step` here, with its
 * count in WorkspacePlan.counts (and PLANS); a table derived from earlier ones returns null
 * from `count` and is filled by one INSERT … SELECT … GROUP BY (see statsStep). Use
 * ws.contacts, ws.relationships and ws.memberIds for foreign keys and dates. --reset needs
 * nothing: the workspace cascade removes the rows, with temporary indexes for any foreign
 * key that needs one.
 */
const STEPS: readonly Step[] = [contactsStep, notesStep, activityStep, interactionsStep, memberFlowsStep, promisesStep, statsStep];

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

      const ws: SeededWorkspace = { plan, id, memberIds, contacts: [], relationships: [] };
      for (const step of STEPS) {
        const count = step.count(plan);
        const n = count === null ? 0 : Math.max(1, Math.round(count * scale));
        t = performance.now();
        const rows = await step.run(tx, ws, new Rng(`${plan.slug}:${step.table}`), n);
        const ms = performance.now() - t;
        record(step.table, rows, ms);
        console.info(`[seed] ${plan.slug}: ${rows.toLocaleString("en")} ${step.table} in ${(ms / 1000).toFixed(1)} s`);
      }
      await describeLedger(tx, ws);
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
