import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { createContact, listContacts, type Scope } from "./contacts";
import { logInteraction } from "./ledger";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

type Cadence = "30" | "60" | "90" | "180" | "365" | "none";

async function person(
  scope: Scope,
  name: string,
  entry?: { direction: "gave" | "received"; weight: number; days: number },
  cadence: Cadence = "90",
  addedDaysAgo = 1,
) {
  const { id } = await createContact(db, scope, contactInput({ name, cadence }));
  await db.update(contacts).set({ createdAt: daysAgo(addedDaysAgo) }).where(eq(contacts.id, id));
  if (entry) {
    await logInteraction(db, scope, {
      contactId: id,
      direction: entry.direction,
      kind: entry.direction === "gave" ? "favor" : "referral",
      weight: entry.weight,
      occurredAt: daysAgo(entry.days),
      summary: "x",
      details: null,
    });
  }
}

describe("listContacts filtered by balance state and going cold", () => {
  it("returns exactly the contacts in each state, and those past their cadence", async () => {
    const { scope } = await makeScopedUser();
    await person(scope, "Giver", { direction: "gave", weight: 3, days: 2 }); // b = 3/5 → giving
    await person(scope, "Owed", { direction: "received", weight: 5, days: 2 }); // b = −5/7 → owing
    await person(scope, "Even"); // no entries → balanced
    await person(scope, "Cold", { direction: "gave", weight: 1, days: 40 }, "30"); // 40 > 30 days → going cold
    await person(scope, "No cadence", { direction: "received", weight: 1, days: 400 }, "none"); // never cold
    await person(scope, "Never contacted", undefined, "30", 45); // counted from when added: cold

    const names = async (params: Record<string, string>) =>
      (await listContacts(db, scope, contactListQuerySchema.parse(params), now)).items.map((c) => c.name).sort();
    expect(await names({ state: "giving" })).toEqual(["Cold", "Giver"]);
    expect(await names({ state: "owing" })).toEqual(["Owed"]);
    expect(await names({ state: "balanced" })).toEqual(["Even", "Never contacted", "No cadence"]);
    expect(await names({ cold: "1" })).toEqual(["Cold", "Never contacted"]);
    // The filters agree with the state each row reports.
    for (const c of (await listContacts(db, scope, contactListQuerySchema.parse({}), now)).items) {
      expect((await names({ state: c.state })).includes(c.name)).toBe(true);
      expect((await names({ cold: "1" })).includes(c.name)).toBe(c.cadence === "going cold");
    }
  });
});
