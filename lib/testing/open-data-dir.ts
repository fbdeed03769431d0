/**
 * Opens the embedded database the way the app does and holds it until stdin closes.
 * Used by db/client.test.ts to stand in for "another Mutual process":
 *   node --conditions=react-server --import tsx lib/testing/open-data-dir.ts
 * Prints "open" once the database answers; on failure prints the error and exits 1.
 */
import { closeDb, pingDb } from "@/db/client";

try {
  await pingDb();
  console.log("open");
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

process.stdin.resume();
process.stdin.on("end", () => {
  void closeDb().then(() => process.exit(0));
});
