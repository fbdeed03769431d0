/**
 * Fixes a bug in postgres.js 3.4.9 (the latest release) that `npm run test:faults` found
 * when PostgreSQL restarts under load: small writes are flushed from a setImmediate, and
 * a socket that closes in between leaves the connection unable to ever write again
 * (`nextWriteTimer` keeps a stale handle, so no flush is scheduled: every later query and
 * connection attempt on that pool slot waits for CONNECT_TIMEOUT, until the process
 * restarts), or throws "Cannot read properties of null (reading 'write')" from the
 * immediate, outside any query's promise — an uncaught exception.
 * Upstream: porsager/postgres#1154, #1208 (and the PRs #1168, #1209, not released).
 *
 * The fix, in the three builds the package ships (ESM, CommonJS, Cloudflare):
 *   - the teardown paths (terminate, closed) forget the pending write and its timer;
 *   - a flush that finds the socket gone fails the waiting queries with CONNECTION_CLOSED
 *     (which the app answers with "try again in a moment") instead of throwing.
 *
 * Runs from `postinstall`; idempotent. Stops with a message if the file is not what it
 * expects, so an upgrade of postgres is looked at rather than silently left unpatched.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "node_modules", "postgres");
const MARK = "mutual: postgres.js write/close race";

if (!fs.existsSync(path.join(pkgDir, "package.json"))) {
  console.log("[patch-postgres] postgres is not installed; nothing to do");
  process.exit(0);
}
const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));

const TEARDOWN = "\n    clearImmediate(nextWriteTimer)\n";
const TEARDOWN_FIXED = `\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // ${MARK}\n`;
const FLUSH = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n";
const FLUSH_FIXED =
  "  function nextWrite(fn) {\n" +
  `    if (!socket) { // ${MARK}\n` +
  "      chunk = nextWriteTimer = null\n" +
  "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
  "      return false\n" +
  "    }\n" +
  "    const x = socket.write(chunk, fn)\n";

let patched = 0;
for (const build of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(pkgDir, build, "connection.js");
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  const teardowns = text.split(TEARDOWN).length - 1;
  if (teardowns !== 2 || !text.includes(FLUSH)) {
    console.error(
      `[patch-postgres] postgres ${version}: ${path.relative(root, file)} is not the code this patch expects ` +
        `(2 teardown clearImmediate lines and nextWrite; found ${teardowns}). If this release fixes the ` +
        "nextWrite/close race (porsager/postgres#1208), drop scripts/patch-postgres.mjs and its postinstall; " +
        "otherwise adapt the patch.",
    );
    process.exit(1);
  }
  fs.writeFileSync(file, text.split(TEARDOWN).join(TEARDOWN_FIXED).replace(FLUSH, FLUSH_FIXED));
  patched++;
}
console.log(patched ? `[patch-postgres] postgres ${version}: fixed the write/close race in ${patched} build(s)` : `[patch-postgres] postgres ${version}: already fixed`);
