import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  KINDS,
  SCORE_EPOCH,
  askStreak,
  balanceState,
  cadenceStatus,
  daysSinceLastContact,
  decay,
  decayFactor,
  epochDays,
  roundHalfUp,
  scoreFromParts,
  scoreRelationship,
  type Direction,
  type Kind,
} from "./index";

// Every expected number below was worked out by hand from PRODUCT.md §5; the comments show the working.
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);
const at = (direction: Direction, weight: number, ago: number, kind: Kind = direction === "mutual" ? "meeting" : "favor") => ({
  direction,
  kind,
  weight,
  occurredAt: daysAgo(ago),
});

describe("scoreRelationship", () => {
  it("an empty ledger is perfectly balanced and has no strength", () => {
    expect(scoreRelationship([], NOW)).toEqual({
      give: 0, take: 0, mutual: 0, balance: 0, balanceScore: 100, state: "balanced", strength: 0,
    });
  });

  it("one small give today: b = (1 − 0) / (1 + 0 + 2) = 1/3 → giving, 67", () => {
    const s = scoreRelationship([at("gave", 1, 0)], NOW);
    expect(s).toMatchObject({ give: 1, take: 0, mutual: 0, balanceScore: 67, state: "giving" });
    expect(s.balance).toBeCloseTo(1 / 3, 12);
    // 100 · (1 − e^(−0.1)) = 9.516 → 10
    expect(s.strength).toBe(10);
  });

  it("a give of 3 and a take of 1 on the same day: b = 2/6 → giving, 67; strength 100·(1 − e^−0.4) = 32.97 → 33", () => {
    const s = scoreRelationship([at("gave", 3, 0), at("received", 1, 0)], NOW);
    expect(s).toMatchObject({ give: 3, take: 1, balanceScore: 67, state: "giving", strength: 33 });
    expect(s.balance).toBeCloseTo(1 / 3, 12);
  });

  it("a referral received one half-life ago: R = 5 · ½ = 2.5, b = −2.5/4.5 → owing, 44", () => {
    const s = scoreRelationship([at("received", 5, 180, "referral")], NOW);
    expect(s.take).toBe(2.5);
    expect(s.balance).toBeCloseTo(-0.5555555556, 9);
    // 100 · (1 − 0.5556) = 44.44 → 44; strength 100 · (1 − e^−0.25) = 22.12 → 22
    expect(s).toMatchObject({ give: 0, mutual: 0, state: "owing", balanceScore: 44, strength: 22 });
  });

  it("mutual interactions build strength but not imbalance: M = 10 → 100·(1 − e^−1) = 63.2 → 63", () => {
    const s = scoreRelationship([at("mutual", 5, 0), at("mutual", 5, 0)], NOW);
    expect(s).toMatchObject({ give: 0, take: 0, mutual: 10, balance: 0, balanceScore: 100, state: "balanced", strength: 63 });
  });

  it("a ledger landing exactly on the threshold: G = 3·½ = 1.5, R = 1·½ = 0.5 → b = 1/4 → giving, 75", () => {
    const s = scoreRelationship([at("gave", 3, 180), at("received", 1, 180)], NOW);
    expect(s).toMatchObject({ give: 1.5, take: 0.5, balance: 0.25, state: "giving", balanceScore: 75 });
    const mirrored = scoreRelationship([at("gave", 1, 180), at("received", 3, 180)], NOW);
    expect(mirrored).toMatchObject({ balance: -0.25, state: "owing", balanceScore: 75 });
  });

  it("future-dated interactions count at age 0, never more", () => {
    expect(decay(daysAgo(-10), NOW)).toBe(1);
    expect(scoreRelationship([at("gave", 2, -10)], NOW).give).toBe(2);
  });
});

describe("decay", () => {
  it("halves every 180 days", () => {
    expect(decay(NOW, NOW)).toBe(1);
    expect(decay(daysAgo(180), NOW)).toBe(0.5);
    expect(decay(daysAgo(360), NOW)).toBe(0.25);
    expect(decay(daysAgo(90), NOW)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("decays over years: 2 years = 730 days → 2^(−730/180) = 2^−4 · 2^(−10/180) ≈ 0.0601390", () => {
    expect(decay(daysAgo(730), NOW)).toBeCloseTo(0.060139, 6);
    expect(scoreRelationship([at("gave", 5, 730)], NOW).give).toBeCloseTo(0.300695, 6);
    // Four years: 2^(−1460/180) = 2^−8 · 2^(−20/180) ≈ 0.0036167
    expect(decay(daysAgo(1460), NOW)).toBeCloseTo(0.0036167, 7);
  });

  it("the stored-sum identity: w·2^(t/h) · 2^(−now/h) is the decayed weight", () => {
    expect(decayFactor(SCORE_EPOCH)).toBe(1);
    expect(epochDays(new Date(SCORE_EPOCH.getTime() + 180 * DAY_MS))).toBe(180);
    expect(decayFactor(new Date(SCORE_EPOCH.getTime() + 180 * DAY_MS))).toBe(0.5);
    const t = daysAgo(400);
    expect(3 * 2 ** (epochDays(t) / 180) * decayFactor(NOW)).toBeCloseTo(3 * decay(t, NOW), 12);
  });
});

describe("thresholds and rounding", () => {
  it("balance state flips at exactly ±0.25", () => {
    expect(balanceState(0.25)).toBe("giving");
    expect(balanceState(0.2499999)).toBe("balanced");
    expect(balanceState(0)).toBe("balanced");
    expect(balanceState(-0.2499999)).toBe("balanced");
    expect(balanceState(-0.25)).toBe("owing");
    // G = 2/3, R = 0: (2/3) / (2/3 + 2) = 1/4
    expect(scoreFromParts(2 / 3, 0, 0)).toMatchObject({ balance: 0.25, state: "giving", balanceScore: 75 });
  });

  it("rounds .5 up", () => {
    expect(roundHalfUp(66.5)).toBe(67);
    expect(roundHalfUp(62.5)).toBe(63);
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(62.4999)).toBe(62);
    // G = 4.5, R = 1.5: b = 3 / 8 = 0.375 exactly, 100 · (1 − 0.375) = 62.5 → 63, either way round
    expect(scoreFromParts(4.5, 1.5, 0)).toMatchObject({ balance: 0.375, balanceScore: 63, state: "giving" });
    expect(scoreFromParts(1.5, 4.5, 0)).toMatchObject({ balance: -0.375, balanceScore: 63, state: "owing" });
  });

  it("strength: G + R + M = 10 → 63, 20 → 100·(1 − e^−2) = 86.47 → 86", () => {
    expect(scoreFromParts(4, 3, 3).strength).toBe(63);
    expect(scoreFromParts(0, 0, 20).strength).toBe(86);
  });
});

describe("askStreak", () => {
  it("counts the asks after the newest gave; received favours and meetings neither count nor end it", () => {
    const ledger = [at("gave", 1, 20), at("received", 1, 15, "ask"), at("received", 3, 12, "intro"), at("mutual", 2, 11), at("received", 1, 10, "ask")];
    expect(askStreak(ledger)).toBe(2);
    expect(askStreak([...ledger].reverse())).toBe(2);
  });

  it("is zero once you give after asking, and asks before an older gave never count", () => {
    expect(askStreak([at("received", 1, 5, "ask"), at("gave", 1, 1)])).toBe(0);
    expect(askStreak([at("received", 1, 30, "ask"), at("gave", 2, 20), at("received", 1, 5, "ask")])).toBe(1);
  });

  it("counts every ask when you never gave", () => {
    expect(askStreak([at("received", 1, 3, "ask"), at("received", 1, 2, "ask"), at("received", 1, 1, "ask")])).toBe(3);
    expect(askStreak([])).toBe(0);
  });

  it("an ask at the same instant as the newest gave does not count", () => {
    expect(askStreak([at("gave", 1, 4), at("received", 1, 4, "ask"), at("received", 1, 3, "ask")])).toBe(1);
  });
});

describe("daysSinceLastContact and cadenceStatus", () => {
  it("whole days since the newest interaction of any direction", () => {
    expect(daysSinceLastContact([], NOW)).toBeNull();
    expect(daysSinceLastContact([{ occurredAt: daysAgo(10) }, { occurredAt: daysAgo(3.5) }], NOW)).toBe(3);
    expect(daysSinceLastContact([{ occurredAt: daysAgo(1) }], NOW)).toBe(1);
    expect(daysSinceLastContact([{ occurredAt: new Date(NOW.getTime() - DAY_MS + 1) }], NOW)).toBe(0);
    expect(daysSinceLastContact([{ occurredAt: daysAgo(-2) }], NOW)).toBe(0);
  });

  it("due soon past 80 % of the cadence, going cold past all of it", () => {
    expect(cadenceStatus(0, 30)).toBe("ok");
    expect(cadenceStatus(24, 30)).toBe("ok"); // exactly 80 %
    expect(cadenceStatus(24.001, 30)).toBe("due soon");
    expect(cadenceStatus(25, 30)).toBe("due soon");
    expect(cadenceStatus(30, 30)).toBe("due soon"); // exactly the cadence
    expect(cadenceStatus(31, 30)).toBe("going cold");
    expect(cadenceStatus(72, 90)).toBe("ok");
    expect(cadenceStatus(73, 90)).toBe("due soon");
    expect(cadenceStatus(91, 90)).toBe("going cold");
    expect(cadenceStatus(10_000, null)).toBe("ok");
  });
});

it("KINDS' default weights and directions are the PRODUCT.md §4 table", () => {
  const table = Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, [v.weight, [...v.directions].sort().join("/")]]));
  expect(table).toEqual({
    intro: [3, "gave/received"],
    referral: [5, "gave/received"],
    advice: [2, "gave/received"],
    information: [1, "gave/received"],
    favor: [3, "gave/received"],
    recommendation: [2, "gave/received"],
    gift: [2, "gave/received"],
    support: [1, "gave/received"],
    ask: [1, "received"],
    meeting: [2, "mutual"],
    call: [2, "mutual"],
    event: [1, "mutual"],
    message: [1, "mutual"],
  });
});
