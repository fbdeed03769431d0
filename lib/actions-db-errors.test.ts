import { describe, expect, it, vi } from "vitest";
import { actionClient } from "./actions";
import { DB_UNAVAILABLE_MESSAGE } from "./db-errors";
import { GENERIC_ERROR_MESSAGE, UserError } from "./errors";

// next-auth does not load under Vitest; these actions never ask who is calling.
vi.mock("./session", () => ({ requireMember: vi.fn(), requireUser: vi.fn() }));

// What a server action answers when its work throws: the message the browser shows.
describe("server action errors", () => {
  const failing = (err: unknown) =>
    actionClient.metadata({ name: "test" }).action(async () => {
      throw err;
    });

  it("a database that is briefly gone → 'try again in a moment', without its details", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const outage = new Error('Failed query: insert into "interactions" …', { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) });
    expect(await failing(outage)()).toEqual({ serverError: DB_UNAVAILABLE_MESSAGE });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("a UserError keeps its message; anything else is the generic one", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await failing(new UserError("Choose a contact."))()).toEqual({ serverError: "Choose a contact." });
    expect(await failing(new Error("relation \"x\" does not exist"))()).toEqual({ serverError: GENERIC_ERROR_MESSAGE });
    error.mockRestore();
  });
});
