import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currentWeek,
  dueWeek,
  formatWeekRange,
  isComplete,
  lastCompleteWeek,
  mondayOf,
  parseWeek,
  sendMoment,
  shiftWeek,
  weekOfDate,
  weekWindow,
} from "./week";

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();
const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / HOUR;

describe("ISO week labels", () => {
  it.each([
    ["2026-01-01", "2026-W01"], // a Thursday: week 1 of 2026
    ["2025-12-29", "2026-W01"], // Monday of that week, still in 2025
    ["2027-01-03", "2026-W53"], // 2026 has 53 weeks
    ["2027-01-04", "2027-W01"],
    ["2026-11-16", "2026-W47"],
    ["2026-11-22", "2026-W47"],
    ["2021-01-03", "2020-W53"],
  ])("%s is in %s", (date, week) => {
    expect(weekOfDate(date)).toBe(week);
  });

  it("finds each week's Monday and moves across year ends", () => {
    expect(mondayOf("2026-W47")).toBe("2026-11-16");
    expect(mondayOf("2026-W01")).toBe("2025-12-29");
    expect(mondayOf("2026-W53")).toBe("2026-12-28");
    expect(shiftWeek("2026-W53", 1)).toBe("2027-W01");
    expect(shiftWeek("2027-W01", -1)).toBe("2026-W53");
    expect(shiftWeek("2026-W01", -1)).toBe("2025-W52");
  });

  it("refuses labels that name no week", () => {
    for (const bad of ["2026-W00", "2025-W53", "2026-W54", "2026-47", "2026-w47", "26-W47", "2026-W4", "1999-W10", "", "2026-W47x"]) {
      expect(parseWeek(bad), bad).toBeNull();
    }
    expect(parseWeek("2026-W53")).toEqual({ year: 2026, week: 53 });
  });

  it("Monday of the week of any date is that date or before it, within 6 days, and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 6), max: Date.UTC(2040, 0, 1) }), (ms) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const week = weekOfDate(date);
        const monday = mondayOf(week);
        const gap = (Date.parse(date) - Date.parse(monday)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(6);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(shiftWeek(shiftWeek(week, 1), -1)).toBe(week);
      }),
    );
  });

  it("formats the range of days", () => {
    expect(formatWeekRange("2026-W47")).toBe("16–22 November 2026");
    expect(formatWeekRange("2026-W44")).toBe("26 October – 1 November 2026");
    expect(formatWeekRange("2026-W53")).toBe("28 December 2026 – 3 January 2027");
    expect(formatWeekRange("2026-W47", "short")).toBe("16–22 Nov");
  });
});

describe("week boundaries in the member's time zone", () => {
  it("America/New_York: 167 hours across the March change, 169 across the November one", () => {
    const spring = weekWindow("2026-W10", "America/New_York"); // 2–8 March; clocks go forward Sun 8 March
    expect(iso(spring.start)).toBe("2026-03-02T05:00:00.000Z"); // EST, −5
    expect(iso(spring.end)).toBe("2026-03-09T04:00:00.000Z"); // EDT, −4
    expect(hours(spring)).toBe(167);
    const autumn = weekWindow("2026-W44", "America/New_York"); // 26 Oct – 1 Nov; clocks go back Sun 1 Nov
    expect(iso(autumn.start)).toBe("2026-10-26T04:00:00.000Z");
    expect(iso(autumn.end)).toBe("2026-11-02T05:00:00.000Z");
    expect(hours(autumn)).toBe(169);
    expect(hours(weekWindow("2026-W20", "America/New_York"))).toBe(168);
  });

  it("Asia/Kolkata: always 168 hours, starting Sunday 18:30 UTC", () => {
    for (const week of ["2026-W10", "2026-W14", "2026-W39", "2026-W44"]) {
      const w = weekWindow(week, "Asia/Kolkata");
      expect(hours(w)).toBe(168);
      expect(iso(w.start).slice(11)).toBe("18:30:00.000Z");
    }
    expect(iso(weekWindow("2026-W47", "Asia/Kolkata").start)).toBe("2026-11-15T18:30:00.000Z");
  });

  it("Pacific/Auckland: 169 hours across April's change (+13 → +12), 167 across September's (+12 → +13)", () => {
    const april = weekWindow("2026-W14", "Pacific/Auckland"); // 30 Mar – 5 Apr; clocks go back Sun 5 April
    expect(iso(april.start)).toBe("2026-03-29T11:00:00.000Z");
    expect(iso(april.end)).toBe("2026-04-05T12:00:00.000Z");
    expect(hours(april)).toBe(169);
    const september = weekWindow("2026-W39", "Pacific/Auckland"); // 21–27 Sep; clocks go forward Sun 27 September
    expect(iso(september.start)).toBe("2026-09-20T12:00:00.000Z");
    expect(iso(september.end)).toBe("2026-09-27T11:00:00.000Z");
    expect(hours(september)).toBe(167);
  });

  it("the week before starts 7 local days earlier, also across a change", () => {
    const w = weekWindow("2026-W11", "America/New_York"); // the week after the March change
    expect(iso(w.previousStart)).toBe("2026-03-02T05:00:00.000Z");
    expect(iso(w.start)).toBe("2026-03-09T04:00:00.000Z");
  });

  it("consecutive weeks tile time with no gap and no overlap", () => {
    for (const tz of ["America/New_York", "Asia/Kolkata", "Pacific/Auckland"]) {
      let week = "2025-W50";
      for (let i = 0; i < 60; i++) {
        const next = shiftWeek(week, 1);
        expect(weekWindow(week, tz).end.getTime(), `${tz} ${week}`).toBe(weekWindow(next, tz).start.getTime());
        week = next;
      }
    }
  });

  it("which week is current and which the last complete one, either side of Monday 00:00 local", () => {
    // Monday 9 March 2026 00:30 in New York (EDT) is 04:30Z: a new week there, still Sunday-ish elsewhere.
    const justAfter = new Date("2026-03-09T04:30:00Z");
    expect(currentWeek(justAfter, "America/New_York")).toBe("2026-W11");
    expect(lastCompleteWeek(justAfter, "America/New_York")).toBe("2026-W10");
    const justBefore = new Date("2026-03-09T03:30:00Z"); // Sunday 23:30 EDT
    expect(lastCompleteWeek(justBefore, "America/New_York")).toBe("2026-W09");
    // Auckland is ahead: at Sunday 5 April 12:30Z it is already Monday 00:30 there.
    expect(lastCompleteWeek(new Date("2026-04-05T12:30:00Z"), "Pacific/Auckland")).toBe("2026-W14");
    expect(lastCompleteWeek(new Date("2026-04-05T11:30:00Z"), "Pacific/Auckland")).toBe("2026-W13");
    expect(isComplete("2026-W14", new Date("2026-04-05T12:00:00Z"), "Pacific/Auckland")).toBe(true);
    expect(isComplete("2026-W14", new Date("2026-04-05T11:59:59Z"), "Pacific/Auckland")).toBe(false);
  });
});

describe("when a digest is due", () => {
  it("default Monday 08:00 local, in each zone", () => {
    expect(iso(sendMoment("2026-W10", "America/New_York", 1, 8))).toBe("2026-03-09T12:00:00.000Z"); // EDT
    expect(iso(sendMoment("2026-W44", "America/New_York", 1, 8))).toBe("2026-11-02T13:00:00.000Z"); // EST
    expect(iso(sendMoment("2026-W47", "Asia/Kolkata", 1, 8))).toBe("2026-11-23T02:30:00.000Z");
    expect(iso(sendMoment("2026-W14", "Pacific/Auckland", 1, 8))).toBe("2026-04-05T20:00:00.000Z"); // NZST
  });

  it("is not due before the moment, due from it until the week after ends", () => {
    const tz = "Pacific/Auckland";
    expect(dueWeek(new Date("2026-04-05T19:59:00Z"), tz, 1, 8)).toBeNull();
    expect(dueWeek(new Date("2026-04-05T20:00:00Z"), tz, 1, 8)).toBe("2026-W14");
    expect(dueWeek(new Date("2026-04-10T09:00:00Z"), tz, 1, 8)).toBe("2026-W14"); // caught up later in the week
    expect(dueWeek(new Date("2026-04-12T11:59:00Z"), tz, 1, 8)).toBe("2026-W14"); // Sunday 23:59 NZST
    expect(dueWeek(new Date("2026-04-12T12:00:00Z"), tz, 1, 8)).toBeNull(); // a new week, its digest not due yet
  });

  it("honours the chosen weekday and hour; a skipped hour on a change day happens an hour later", () => {
    // Friday 17:00 in Kolkata for the week 16–22 Nov: Friday 27 Nov 11:30Z.
    expect(iso(sendMoment("2026-W47", "Asia/Kolkata", 5, 17))).toBe("2026-11-27T11:30:00.000Z");
    // Sunday 02:00 on 8 March 2026 does not exist in New York: 03:00 EDT.
    expect(iso(sendMoment("2026-W09", "America/New_York", 7, 2))).toBe("2026-03-08T07:00:00.000Z");
    expect(dueWeek(new Date("2026-03-08T06:59:00Z"), "America/New_York", 7, 2)).toBeNull();
    expect(dueWeek(new Date("2026-03-08T07:00:00Z"), "America/New_York", 7, 2)).toBe("2026-W09");
  });
});
