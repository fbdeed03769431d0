/**
 * The charts' two scales, in plain arithmetic (d3's rules, without d3 in the bundle): bands for
 * the bars and a linear count axis from 0 to a round maximum with about four ticks.
 */

/** Evenly spaced bands over [0, width] with the same inner and outer padding (d3's scaleBand). */
export function bands(n: number, width: number, padding: number) {
  const step = width / Math.max(1, n - padding + 2 * padding);
  const offset = (width - step * (n - padding)) / 2;
  return { x: (i: number) => offset + step * i, bandwidth: step * (1 - padding) };
}

/** d3's tick step: 1, 2 or 5 times a power of ten, about `count` of them over [0, max]. */
export function tickStep(max: number, count: number) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/**
 * Counts from 0 to `dataMax` over a plot `height` tall (0 at the bottom): the maximum rounded up
 * as d3's nice() does, and about four ticks on it (d3's ticks(4)), whole numbers only.
 */
export function countScale(dataMax: number, height: number) {
  let max = Math.max(1, dataMax);
  for (let i = 0, prev = 0; i < 10; i++) {
    const step = tickStep(max, 10);
    if (step === prev) break;
    max = Math.ceil(max / step) * step;
    prev = step;
  }
  // Counts are whole: never a tick between two (d3 would put five on [0, 1]).
  const step = Math.max(1, tickStep(max, 4));
  const ticks = Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => Math.round(i * step * 1e9) / 1e9);
  return { max, y: (v: number) => height - (v / max) * height, ticks };
}
