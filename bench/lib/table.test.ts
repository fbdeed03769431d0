import { describe, expect, it } from "vitest";
import { markdownTable } from "./table";

describe("markdownTable", () => {
  it("pads text columns left and figures right, with a Markdown alignment rule", () => {
    const out = markdownTable([
      ["route", "what", "p95 ms"],
      ["dashboard", "page", "12.50"],
      ["search", "JSON", "3.10"],
    ], 2);
    expect(out.split("\n")).toEqual([
      "| route     | what | p95 ms |",
      "|:----------|:-----|-------:|",
      "| dashboard | page |  12.50 |",
      "| search    | JSON |   3.10 |",
    ]);
  });

  it("treats a missing cell as empty and an empty input as no table", () => {
    expect(markdownTable([["a", "b"], ["x"]])).toBe("| a   |   b |\n|:----|----:|\n| x   |     |");
    expect(markdownTable([])).toBe("");
  });
});
