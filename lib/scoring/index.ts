/**
 * The scores of PRODUCT.md §5, as the pure reference. The SQL in db/queries/ledger.ts
 * computes the same numbers over many relationships at once and is tested against this.
 */

export const HALF_LIFE_DAYS = 180;
/** The "+ 2" in b = (G − R) / (G + R + 2): one small favour does not make a relationship lopsided. */
export const BALANCE_PRIOR = 2;
/** b ≥ this → giving; b ≤ −this → owing. */
export const STATE_THRESHOLD = 0.25;
/** Strength = 1 − e^(−(G + R + M) / this). */
export const STRENGTH_SCALE = 10;
/** Past this share of the cadence a relationship is "due soon". */
export const DUE_SOON_FRACTION = 0.8;
/** This many asks since you last gave → "give before you ask again". */
export const ASK_STREAK_WARNING = 3;
/** Two or more members asking the same contact within this many days is an ask collision. */
export const ASK_COLLISION_DAYS = 30;
/** Decayed sums are stored as Σ w·2^(t/h), t in days since this instant (see relationship_stats). */
export const SCORE_EPOCH = new Date("2020-01-01T00:00:00Z");

export const DAY_MS = 86_400_000;

export type Direction = "gave" | "received" | "mutual";
export type Kind =
  | "intro" | "referral" | "advice" | "information" | "favor" | "recommendation" | "gift" | "support"
  | "ask" | "meeting" | "call" | "event" | "message";
export type BalanceState = "giving" | "balanced" | "owing";
export type CadenceStatus = "ok" | "due soon" | "going cold";

/** Default weight of each kind, and the directions it can go. */
export const KINDS: Record<Kind, { weight: number; directions: readonly Direction[]; label: string }> = {
  intro: { weight: 3, directions: ["gave", "received"], label: "Introduction" },
  referral: { weight: 5, directions: ["gave", "received"], label: "Referral" },
  advice: { weight: 2, directions: ["gave", "received"], label: "Advice" },
  information: { weight: 1, directions: ["gave", "received"], label: "Information (article, lead, tip)" },
  favor: { weight: 3, directions: ["gave", "received"], label: "Favour" },
  recommendation: { weight: 2, directions: ["gave", "received"], label: "Recommendation" },
  gift: { weight: 2, directions: ["gave", "received"], label: "Gift" },
  support: { weight: 1, directions: ["gave", "received"], label: "Support (congratulations, check-in)" },
  ask: { weight: 1, directions: ["received"], label: "Ask — you asked them for something" },
  meeting: { weight: 2, directions: ["mutual"], label: "Meeting" },
  call: { weight: 2, directions: ["mutual"], label: "Call" },
  event: { weight: 1, directions: ["mutual"], label: "Event" },
  message: { weight: 1, directions: ["mutual"], label: "Message" },
};

export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export type ScoredInteraction = { direction: Direction; weight: number; occurredAt: Date };

export type RelationshipScore = {
  give: number;
  take: number;
  mutual: number;
  balance: number;
  balanceScore: number;
  state: BalanceState;
  strength: number;
};

/** Math.round is half-up for the non-negative values scores take; named for what it means here. */
export const roundHalfUp = (x: number) => Math.floor(x + 0.5);

/** δ = 2^(−age / half-life), age in days, never negative. */
export function decay(occurredAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - occurredAt.getTime()) / DAY_MS);
  return 2 ** (-ageDays / HALF_LIFE_DAYS);
}

export function balanceState(balance: number): BalanceState {
  if (balance >= STATE_THRESHOLD) return "giving";
  if (balance <= -STATE_THRESHOLD) return "owing";
  return "balanced";
}

/** The scores from the decayed parts G, R, M. */
export function scoreFromParts(give: number, take: number, mutual: number): RelationshipScore {
  const balance = (give - take) / (give + take + BALANCE_PRIOR);
  return {
    give,
    take,
    mutual,
    balance,
    balanceScore: roundHalfUp(100 * (1 - Math.abs(balance))),
    state: balanceState(balance),
    strength: roundHalfUp(100 * (1 - Math.exp(-(give + take + mutual) / STRENGTH_SCALE))),
  };
}

export function scoreRelationship(interactions: readonly ScoredInteraction[], now: Date): RelationshipScore {
  let give = 0;
  let take = 0;
  let mutual = 0;
  for (const i of interactions) {
    const v = i.weight * decay(i.occurredAt, now);
    if (i.direction === "gave") give += v;
    else if (i.direction === "received") take += v;
    else mutual += v;
  }
  return scoreFromParts(give, take, mutual);
}

/** Whole days since the newest interaction; null when there is none. */
export function daysSinceLastContact(interactions: readonly { occurredAt: Date }[], now: Date): number | null {
  if (interactions.length === 0) return null;
  const newest = interactions.reduce((m, i) => Math.max(m, i.occurredAt.getTime()), -Infinity);
  return Math.max(0, Math.floor((now.getTime() - newest) / DAY_MS));
}

/** Against the contact's cadence (null: no reminder). No contact yet counts from when they were added. */
export function cadenceStatus(daysSince: number, cadenceDays: number | null): CadenceStatus {
  if (cadenceDays === null) return "ok";
  if (daysSince > cadenceDays) return "going cold";
  if (daysSince > DUE_SOON_FRACTION * cadenceDays) return "due soon";
  return "ok";
}

/**
 * Asks since you last gave: the asks dated after the newest `gave` (all of them if you
 * never gave). Received favours and mutual meetings neither count nor end the streak.
 */
export function askStreak(interactions: readonly (ScoredInteraction & { kind: Kind })[]): number {
  const lastGave = interactions.reduce(
    (m, i) => (i.direction === "gave" ? Math.max(m, i.occurredAt.getTime()) : m),
    -Infinity,
  );
  return interactions.filter((i) => i.kind === "ask" && i.occurredAt.getTime() > lastGave).length;
}

/** Days since SCORE_EPOCH: the exponent base for stored decayed sums. */
export function epochDays(at: Date): number {
  return (at.getTime() - SCORE_EPOCH.getTime()) / DAY_MS;
}

/** 2^(−days since epoch / h): multiplies a stored Σ w·2^(t/h) into the decayed sum at `now`. */
export function decayFactor(now: Date): number {
  return 2 ** (-epochDays(now) / HALF_LIFE_DAYS);
}
