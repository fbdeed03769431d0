import { describe, expect, it } from "vitest";
import { percentile, ratio, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("takes the sample at rank ceil(p/100 × n)", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it("stays inside the samples at the edges, and is NaN without any", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts a copy and rounds to hundredths", () => {
    const samples = [3.333, 1.111, 2.222];
    expect(summarize(samples)).toEqual({ n: 3, p50: 2.22, p95: 3.33, p99: 3.33, min: 1.11, max: 3.33 });
    expect(samples).toEqual([3.333, 1.111, 2.222]);
  });
});

describe("ratio", () => {
  it("prints one decimal below 10×, none above, and - when a side is missing", () => {
    expect(ratio(30, 10)).toBe("3.0×");
    expect(ratio(125, 10)).toBe("13×");
    expect(ratio(5, 0)).toBe("-");
    expect(ratio(null, 3)).toBe("-");
    expect(ratio(Number.NaN, 3)).toBe("-");
  });
});
