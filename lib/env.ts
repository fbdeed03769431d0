import "server-only";
import { z } from "zod";
import path from "node:path";

/**
 * The validated environment. Read once per process; every other module asks here
 * rather than touching process.env, so a bad value fails at start with one message.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  // The tables' owner, when DATABASE_URL logs in as a role that owns nothing (db/client.ts).
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_OWNER_URL must start with postgres:// or postgresql://")
    .optional(),
  APP_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Mutual <hello@mutual.localhost>"),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  // The weekly digest's in-process scheduler (lib/digest/scheduler.ts).
  DIGEST_SCHEDULER: z.enum(["on", "off"], { error: "DIGEST_SCHEDULER must be on or off" }).default("on"),
  DIGEST_SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});

export type Env = z.infer<typeof schema> & { appUrl: string; dataDir: string; inMemory: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // Empty strings (e.g. `DATABASE_URL=` in a shell) mean "unset".
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Mutual cannot start: the environment is invalid.\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new Error("Mutual cannot start: DATABASE_OWNER_URL is set without DATABASE_URL (the app's own login).");
  }
  const inMemory = e.DATA_DIR === "memory://";
  cached = {
    ...e,
    inMemory,
    dataDir: inMemory ? e.DATA_DIR : path.resolve(e.DATA_DIR),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  };
  return cached;
}

/** Production with a real database is "hosted": nothing may be made up on the fly there. */
export function isHosted(): boolean {
  const e = env();
  return e.NODE_ENV === "production" && e.DATABASE_URL !== undefined;
}
