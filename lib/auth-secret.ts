import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env, isHosted } from "@/lib/env";

let secret: string | undefined;

/**
 * AUTH_SECRET when set. Hosted (production + DATABASE_URL) without one is refused:
 * a generated secret would differ between instances and log everyone out on each deploy.
 * Locally a secret is generated once into DATA_DIR so a fresh clone just starts.
 */
export function getAuthSecret(): string {
  if (secret) return secret;
  const e = env();
  if (e.AUTH_SECRET) return (secret = e.AUTH_SECRET);
  if (isHosted()) {
    throw new Error(
      "Mutual cannot start: AUTH_SECRET is not set. In production with DATABASE_URL every instance " +
        "must share one secret; generate it with `openssl rand -base64 33` and set AUTH_SECRET.",
    );
  }
  if (e.inMemory) return (secret = randomBytes(32).toString("base64url"));
  const file = path.join(e.dataDir, "auth-secret");
  fs.mkdirSync(e.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return (secret = fs.readFileSync(file, "utf8").trim());
}
