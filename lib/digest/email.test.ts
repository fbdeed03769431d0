import { describe, expect, it } from "vitest";
import type { DigestContent } from "./content";
import { digestSubject, numbersSummary, promiseDueNote } from "./copy";
import { renderDigestEmail, type DigestMailInput } from "./email";

const flows = (gave: number, received: number, mutual: number, prevGave = 0) => ({
  gave: { week: { count: gave, weight: gave * 3 }, previous: { count: prevGave, weight: prevGave * 3 } },
  received: { week: { count: received, weight: received }, previous: { count: 0, weight: 0 } },
  mutual: { week: { count: mutual, weight: mutual }, previous: { count: 0, weight: 0 } },
});

const full: DigestContent = {
  week: "2026-W47",
  range: "16–22 November 2026",
  endDate: "2026-11-23",
  numbers: flows(3, 1, 2, 1),
  giveBack: { items: [{ id: "c1", name: "Owen <Owed>", needs: "A publisher", balance: -0.6 }, { id: "c2", name: "Nia", needs: null, balance: -0.3 }], more: 4 },
  goingCold: { items: [{ id: "c3", name: "Cora", daysSince: 95, cadenceDays: 90 }], more: 0 },
  promisesDue: {
    items: [
      { id: "p1", contactId: "c4", name: "Paula", description: "Send the deck", dueOn: "2026-11-20" },
      { id: "p2", contactId: "c5", name: "Pete", description: "Intro to Sam", dueOn: "2026-11-27" },
    ],
    more: 0,
  },
  introIdeas: [{ needId: "c1", needName: "Owen", needs: "publisher", offerId: "c6", offerName: "Gina", offers: "publisher intros", shared: ["publisher"] }],
  team: {
    notes: [{ noteId: "n1", contactId: "c7", contactName: "Hal", author: "Max", excerpt: "Looking for a co-founder" }],
    noteCount: 3,
    contacts: [{ contactId: "c8", name: "Ivy", addedBy: null }],
    contactCount: 1,
    imports: [{ by: "Max", count: 120 }],
    joined: ["Ada"],
  },
  giveStreak: 4,
};

const input = (content: DigestContent): DigestMailInput => ({
  content,
  recipient: { name: "Grace Hopper", email: "grace@example.test" },
  workspace: { name: "Acme & Co", personal: false },
  links: {
    digest: "https://mutual.example/w/acme/digest/2026-W47",
    settings: "https://mutual.example/w/acme/settings#digest",
    unsubscribe: "https://mutual.example/unsubscribe?u=U&t=T",
    contact: (id) => `https://mutual.example/w/acme/contacts/${id}`,
  },
});

describe("the digest mail", () => {
  it("renders every section in HTML and in plain text, with the same words", async () => {
    const mail = await renderDigestEmail(input(full));
    expect(mail.subject).toBe("[Acme & Co] Your week, 16–22 November: 6 to give back to, 1 going cold, 2 promises due");
    for (const title of ["The week in numbers", "Give back", "Going cold", "Promises due", "Intro ideas", "From your team", "Your give streak"]) {
      expect(mail.html).toContain(title);
      expect(mail.text).toContain(title.toUpperCase());
    }
    expect(mail.text).toContain("- Owen <Owed>: They need: A publisher. Could you help with that?\n  https://mutual.example/w/acme/contacts/c1");
    expect(mail.text).toContain("- Nia: Ask them: “What can I do to help you?”");
    expect(mail.text).toContain("…and 4 more people to give back to on your dashboard.");
    expect(mail.text).toContain("- Paula: Send the deck — overdue since Fri 20 Nov");
    expect(mail.text).toContain("- Pete: Intro to Sam — due Fri 27 Nov");
    expect(mail.text).toContain("Max shared a note on Hal: “Looking for a co-founder”");
    expect(mail.text).toContain("…and 2 more shared notes.");
    expect(mail.text).toContain("A former teammate added Ivy.");
    expect(mail.text).toContain("Max imported 120 contacts.");
    expect(mail.text).toContain("Ada joined the team");
    expect(mail.text).toContain("4 weeks in a row with at least one give");
    expect(mail.text).toContain("Unsubscribe: https://mutual.example/unsubscribe?u=U&t=T");
    expect(mail.text).toContain("Hi Grace, here is your week in Acme & Co.");
    // Names are text, never markup.
    expect(mail.html).toContain("Owen &lt;Owed&gt;");
    expect(mail.html).not.toContain("<Owed>");
    expect(mail.html).toContain('href="https://mutual.example/w/acme/contacts/c1"');
    expect(mail.html).toContain('href="https://mutual.example/unsubscribe?u=U&amp;t=T"');
    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toContain('lang="en"');
  });

  it("leaves out the sections that have nothing", async () => {
    const only = { ...full, numbers: null, goingCold: null, promisesDue: null, introIdeas: null, team: null, giveStreak: null };
    const mail = await renderDigestEmail({ ...input(only), workspace: { name: "Grace's network", personal: true } });
    expect(mail.subject).toBe("Your week, 16–22 November: 6 to give back to");
    for (const absent of ["The week in numbers", "Going cold", "Promises due", "Intro ideas", "From your team", "Your give streak"]) {
      expect(mail.html).not.toContain(absent);
      expect(mail.text).not.toContain(absent.toUpperCase());
    }
    expect(mail.text).toContain("Hi Grace, here is your week. Give first");
  });

  it("sums up the week's give-and-take in a sentence", () => {
    expect(numbersSummary(flows(3, 1, 0, 1))).toBe("You gave 3 times and received once — more than the week before (1).");
    expect(numbersSummary(flows(1, 3, 0, 2))).toBe("You received 3 times and gave once: a good week ahead to give back — the week before you gave twice.");
    expect(numbersSummary(flows(0, 0, 2, 0))).toBe("A quiet week: no gives or takes logged.");
    expect(numbersSummary(flows(2, 2, 0, 2))).toBe("You gave twice and received twice.");
    expect(numbersSummary(flows(0, 1, 0, 0))).toBe("You received once: a good week ahead to give something back.");
    expect(numbersSummary(flows(2, 0, 0, 2))).toBe("You gave twice.");
    expect(promiseDueNote("2026-11-23", "2026-11-23")).toBe("due Mon 23 Nov");
    expect(digestSubject({ ...full, giveBack: null, goingCold: null, promisesDue: null }, { name: "x", personal: true })).toBe("Your week, 16–22 November");
  });
});
