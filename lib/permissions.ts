import type { Role } from "@/db/schema";

/** What each role may do: the one table every check reads. */
const grants = {
  "workspace:use": ["owner", "admin", "member"],
  "workspace:rename": ["owner"],
  "workspace:delete": ["owner"],
  "members:invite": ["owner", "admin"],
  "members:remove": ["owner", "admin"],
  "members:change-role": ["owner"],
  "audit:read": ["owner", "admin"],
  "contacts:delete-any": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};
