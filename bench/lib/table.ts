/**
 * A Markdown table padded for the terminal: the first `textColumns` columns left-aligned,
 * the rest (figures) right-aligned, so the same text reads in a shell and pastes into a README.
 */
export function markdownTable(rows: readonly (readonly string[])[], textColumns = 1): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const widths = head.map((_, i) => Math.max(3, ...rows.map((r) => (r[i] ?? "").length)));
  const left = (i: number) => i < textColumns;
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, i) => (left(i) ? (r[i] ?? "").padEnd(w) : (r[i] ?? "").padStart(w))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (left(i) ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(head), rule, ...body.map(line)].join("\n");
}
