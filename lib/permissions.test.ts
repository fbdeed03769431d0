import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/db/schema";
import { can, roleLabels, type Permission } from "./permissions";

// The expected table, written out again on purpose: a change to the grants must change this too.
const expected: Record<Permission, Role[]> = {
  "workspace:use": ["owner", "admin", "member"],
  "workspace:rename": ["owner"],
  "workspace:delete": ["owner"],
  "members:invite": ["owner", "admin"],
  "members:remove": ["owner", "admin"],
  "members:change-role": ["owner"],
  "audit:read": ["owner", "admin"],
  "contacts:delete-any": ["owner", "admin"],
};

describe("can", () => {
  const cases = Object.entries(expected).flatMap(([permission, allowed]) =>
    roles.map((role) => [role, permission as Permission, allowed.includes(role)] as const),
  );

  it.each(cases)("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("lets a member do nothing beyond using the workspace", () => {
    const memberMay = (Object.keys(expected) as Permission[]).filter((p) => can("member", p));
    expect(memberMay).toEqual(["workspace:use"]);
  });

  it("labels every role", () => {
    expect(Object.keys(roleLabels).sort()).toEqual([...roles].sort());
  });
});
