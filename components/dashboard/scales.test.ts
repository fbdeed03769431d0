import { describe, expect, it } from "vitest";
import { bands, countScale } from "./scales";

// Expected values are d3-scale's: scaleLinear().domain([0, max]).nice() then .ticks(4), and
// scaleBand().domain(n items).range([0, width]).padding(p) — except that a count axis never
// ticks between two whole numbers, where d3 would (0, 0.2, … 1 on [0, 1]).
describe("countScale", () => {
  it.each([
    [4930, 5000, [0, 1000, 2000, 3000, 4000, 5000]],
    [37, 40, [0, 10, 20, 30, 40]],
    [7, 7, [0, 2, 4, 6]],
    [1, 1, [0, 1]],
    [0, 1, [0, 1]],
    [3, 3, [0, 1, 2, 3]],
    [51_234, 55_000, [0, 10_000, 20_000, 30_000, 40_000, 50_000]],
    [-Infinity, 1, [0, 1]],
  ])("rounds %d up to %d with ticks %j", (dataMax, max, ticks) => {
    const s = countScale(dataMax, 100);
    expect(s.max).toBe(max);
    expect(s.ticks).toEqual(ticks);
    expect(s.y(0)).toBe(100);
    expect(s.y(max)).toBe(0);
  });
});

describe("bands", () => {
  it("spaces n bars evenly with d3's padding: 10 bars over 400 with padding 0.15", () => {
    const b = bands(10, 400, 0.15);
    const step = 400 / 10.15;
    expect(b.bandwidth).toBeCloseTo(step * 0.85, 9);
    expect(b.x(0)).toBeCloseTo(step * 0.15, 9);
    expect(b.x(9) + b.bandwidth).toBeCloseTo(400 - step * 0.15, 9);
  });
});
