import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { createAccount } from "@/db/queries/users";

/** A fresh e-mail per call: tests share one database and never clean it, so they never collide. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID()}@example.test`;
}

export async function makeUser(name = "Ada Lovelace") {
  const account = await createAccount(await getDb(), {
    name,
    email: uniqueEmail(),
    passwordHash: null,
    timeZone: "Europe/London",
  });
  if (!account) throw new Error("makeUser: e-mail collision");
  return account;
}
