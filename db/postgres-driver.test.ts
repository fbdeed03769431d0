import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// postgres.js 3.4.9 can wedge a pool slot (and throw an uncaught TypeError) when a socket
// closes while a write waits for its setImmediate — found by `npm run test:faults` across
// PostgreSQL restarts. scripts/patch-postgres.mjs fixes it at install (postinstall); an
// install without scripts would bring the bug back quietly, so check the files themselves.
describe("the installed postgres.js", () => {
  it("carries the write/close race fix in every build the app may load", () => {
    const dir = path.join(process.cwd(), "node_modules", "postgres");
    for (const build of ["src", "cjs/src"]) {
      const text = fs.readFileSync(path.join(dir, build, "connection.js"), "utf8");
      expect(text.split("mutual: postgres.js write/close race").length - 1, build).toBe(3);
    }
  });
});
