import { beforeAll } from "vitest";

// Without DATABASE_URL every worker gets one in-memory PGlite, shared by its test files.
if (!process.env.DATABASE_URL) process.env.DATA_DIR = "memory://";

const g = globalThis as typeof globalThis & { __mutualMigrated?: Promise<void> };

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  // A test file that points DATA_DIR at a folder of its own (before this hook runs) manages
  // that folder itself: opening a file-backed PGlite here would cost seconds and hold its lock.
  if (process.env.DATA_DIR !== "memory://") return;
  const { runMigrations } = await import("@/db/migrate");
  g.__mutualMigrated ??= runMigrations();
  await g.__mutualMigrated;
});
