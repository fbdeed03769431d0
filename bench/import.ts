/**
 * Import benchmark (PRODUCT.md §10 via issue 8): a 10,000-row LinkedIn Connections.csv, as
 * LinkedIn writes it, imported the way the app does it — read and preview, then read again
 * and import in one transaction (the route parses the file anew for the import itself).
 *
 *   DATABASE_URL=postgres://… npm run bench:import [-- --rows 10000 --runs 3]
 *
 * Each run uses a fresh account and workspace (deleted afterwards). A second pass imports the
 * same file again into the now-full workspace: every row then matches by e-mail or by name and
 * company, which is the duplicate path. Budget: 10 s for the first pass, preview included.
 * Without DATABASE_URL it runs on the embedded PGlite in DATA_DIR and says so.
 */
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeDb, getDb, getHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { deleteAccount } from "@/db/queries/account-deletion";
import { previewImport, runImport } from "@/db/queries/import";
import { createAccount } from "@/db/queries/users";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { readImportFile } from "@/lib/import";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    json: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log("Usage: npm run bench:import [-- --rows N (default 10000) --runs N (default 3) --json FILE (the figures, for npm run bench)]");
  process.exit(0);
}
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const BUDGET_MS = 10_000;

const FIRST = ["Amara", "José", "Zoë", "Wei", "Priya", "Tomás", "Ngozi", "Björn", "Aiko", "Fatima", "Lars", "Chloé", "Kwame", "Mei", "Ravi", "Sofia"];
const LAST = ["Okafor", "García Márquez", "Lindqvist", "Zhang", "Raman", "O'Neill", "Adichie", "Ek", "Tanaka", "Haddad", "Berg", "Dubois", "Mensah", "Chen", "Iyer", "Rossi"];
const COMPANIES = ["Acme, Inc.", "Nordic Climate Fund", "Lagos Health Tech", "Stealth", "Kinsale Bikes", "Praia & Co", "Orbital Labs", "Freelance"];
const TITLES = ["Head of Product", "Senior Engineer", '"Chief ""Everything"" Officer"', "Partner, Early Stage", "Founder", "Designer"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A Connections.csv of `rows` people: notes lines above the header, quoted commas, 60 % without e-mail. */
function linkedInFile(rows: number): Uint8Array {
  const lines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length] ?? "";
    const last = `${LAST[(i * 7) % LAST.length] ?? ""} ${i}`;
    const company = COMPANIES[(i * 3) % COMPANIES.length] ?? "";
    const title = TITLES[(i * 5) % TITLES.length] ?? "";
    const email = i % 5 < 2 ? `${first.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.${i}@example.com` : "";
    const date = `${String(1 + (i % 28)).padStart(2, "0")} ${MONTHS[i % 12]} ${2012 + (i % 12)}`;
    lines.push([first, last, `https://www.linkedin.com/in/p-${i}`, email, company.includes(",") ? `"${company}"` : company, title, date].join(","));
  }
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

const ms = (a: number, b: number) => Math.round(b - a);

async function main() {
  if (!Number.isInteger(ROWS) || ROWS < 1 || !Number.isInteger(RUNS) || RUNS < 1) throw new Error("--rows and --runs take whole numbers ≥ 1");
  const { kind } = await getHandle();
  if (kind !== "postgres") console.error("[bench] no DATABASE_URL: measuring the embedded PGlite, not PostgreSQL");
  await runMigrations();
  const db = await getDb();
  const file = linkedInFile(ROWS);
  console.log(`import bench: ${ROWS.toLocaleString("en")}-row LinkedIn file (${(file.byteLength / 1024 / 1024).toFixed(2)} MB) on ${kind}, ${RUNS} run(s)`);
  console.log("run  read+preview  read+import  first total  rows/s   |  again (all duplicates)  rows/s");

  const totals: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const account = await createAccount(db, { name: "Bench Importer", email: `bench-import-${randomUUID()}@example.test`, passwordHash: null, timeZone: "UTC" });
    if (!account) throw new Error("could not create the bench account");
    const [workspace] = await listWorkspacesForUser(db, account.user.id);
    if (!workspace) throw new Error("no personal workspace");
    const scope = { workspaceId: workspace.id, userId: account.user.id };
    try {
      const t0 = performance.now();
      const preview = await previewImport(db, scope, readImportFile(file, "Connections.csv"), "merge");
      const t1 = performance.now();
      const report = await runImport(db, scope, readImportFile(file, "Connections.csv"), "merge");
      const t2 = performance.now();
      if (preview.counts.create !== ROWS || report.counts.create !== ROWS) {
        throw new Error(`expected ${ROWS} new contacts, preview said ${preview.counts.create}, import made ${report.counts.create}`);
      }
      const t3 = performance.now();
      await previewImport(db, scope, readImportFile(file, "Connections.csv"), "merge");
      const again = await runImport(db, scope, readImportFile(file, "Connections.csv"), "merge");
      const t4 = performance.now();
      if (again.counts.skip !== ROWS) throw new Error(`second pass: expected ${ROWS} skipped, got ${JSON.stringify(again.counts)}`);
      const total = ms(t0, t2);
      totals.push(total);
      console.log(
        `${String(run).padStart(3)}  ${String(ms(t0, t1)).padStart(9)} ms  ${String(ms(t1, t2)).padStart(8)} ms  ${String(total).padStart(8)} ms  ${String(Math.round((ROWS / total) * 1000)).padStart(6)}   |  ${String(ms(t3, t4)).padStart(17)} ms  ${String(Math.round((ROWS / ms(t3, t4)) * 1000)).padStart(7)}`,
      );
    } finally {
      await deleteAccount(db, account.user.id);
    }
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const verdict = median <= BUDGET_MS ? "PASS" : "OVER";
  console.log(`median first import incl. preview: ${median} ms = ${Math.round((ROWS / median) * 1000).toLocaleString("en")} rows/s — ${verdict} (budget ${BUDGET_MS / 1000} s)`);
  if (values.json) await writeFile(values.json, JSON.stringify({ rows: ROWS, medianMs: median, rowsPerSecond: (ROWS / median) * 1000, verdict }));
  if (verdict === "OVER") process.exitCode = 1;
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
