import { defineConfig } from "vitest/config";
import path from "node:path";

// Files that set environment variables (SMTP_URL, APP_URL, DATA_DIR …) or spawn their own
// database run each in a fresh process; everything else shares one process and one
// in-memory PGlite, which takes seconds to start.
// Tests of PostgreSQL's own logins and ownership (*.pg.test.ts) run only when DATABASE_URL is set.
const pgOnly = process.env.DATABASE_URL ? [] : ["**/*.pg.test.ts"];
const isolated = ["lib/mail/*.test.ts", "lib/digest/*.smtp.test.ts", "db/client.test.ts", "db/migrate.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; tests run the same modules in Node.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-db.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "shared", include: ["**/*.test.ts"], exclude: ["node_modules/**", "e2e/**", ".next/**", ...isolated, ...pgOnly], isolate: false },
      },
      { extends: true, test: { name: "isolated", include: isolated } },
    ],
  },
});
