import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { contacts, relationshipStats } from "@/db/schema";
import {
  BALANCE_PRIOR,
  DAY_MS,
  DUE_SOON_FRACTION,
  HALF_LIFE_DAYS,
  SCORE_EPOCH,
  STATE_THRESHOLD,
  STRENGTH_SCALE,
  decayFactor,
} from "@/lib/scoring";

/**
 * The scores of lib/scoring as SQL over relationship_stats (rs) joined to contacts,
 * for one moment `now`: the same formulas, computed for thousands of rows at once.
 * Every expression is a pure function of the row and two parameters.
 */
export function scoreSql(now: Date) {
  const f = sql`${decayFactor(now)}::float8`;
  const give = sql<number>`(coalesce(${relationshipStats.giveSum}, 0) * ${f})`;
  const take = sql<number>`(coalesce(${relationshipStats.takeSum}, 0) * ${f})`;
  const mutual = sql<number>`(coalesce(${relationshipStats.mutualSum}, 0) * ${f})`;
  const balance = sql<number>`((${give} - ${take}) / (${give} + ${take} + ${BALANCE_PRIOR}::float8))`;
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  // Never contacted: days are counted from when the contact was added. Never negative (a
  // future-dated interaction is 0 days ago), as in daysSinceLastContact.
  const daysSince = sql<number>`greatest(0, floor(extract(epoch from (${nowTs} - coalesce(${relationshipStats.lastAt}, ${contacts.createdAt})))::float8 / ${DAY_MS / 1000})::int)`;
  return {
    give,
    take,
    mutual,
    balance,
    balanceScore: sql<number>`floor(100 * (1 - abs(${balance})) + 0.5)::int`,
    state: sql<"giving" | "balanced" | "owing">`(case when ${balance} >= ${STATE_THRESHOLD} then 'giving' when ${balance} <= ${-STATE_THRESHOLD} then 'owing' else 'balanced' end)`,
    strength: sql<number>`floor(100 * (1 - exp(-(${give} + ${take} + ${mutual}) / ${STRENGTH_SCALE}::float8)) + 0.5)::int`,
    lastAt: sql<string | null>`${relationshipStats.lastAt}::text`,
    daysSince,
    cadence: sql<"ok" | "due soon" | "going cold">`(case when ${contacts.cadenceDays} is null then 'ok' when ${daysSince} > ${contacts.cadenceDays} then 'going cold' when ${daysSince} > ${DUE_SOON_FRACTION}::float8 * ${contacts.cadenceDays} then 'due soon' else 'ok' end)`,
    askStreak: sql<number>`coalesce(${relationshipStats.askStreak}, 0)`,
  } satisfies Record<string, SQL>;
}

/** Σ w·2^(t/h) over the rows of `interactions` matching `filter`: what relationship_stats stores. */
export const epochPower = (occurredAt: SQL | string) =>
  sql`power(2::float8, (extract(epoch from (${occurredAt} - ${SCORE_EPOCH.toISOString()}::timestamptz))::float8 / ${DAY_MS / 1000}) / ${HALF_LIFE_DAYS})`;
