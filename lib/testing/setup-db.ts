import { beforeAll } from "vitest";

// Without DATABASE_URL every worker gets one in-memory PGlite, shared by its test files.
if (!process.env.DATABASE_URL) process.env.DATA_DIR = "memory://";

const g = globalThis as typeof globalThis & { __mutualMigrated?: Promise<void> };

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const { runMigrations } = await import("@/db/migrate");
  g.__mutualMigrated ??= runMigrations();
  await g.__mutualMigrated;
});
