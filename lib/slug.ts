import { randomBytes } from "node:crypto";

/** "Ana's Team!" → "anas-team". Always a valid slug, never empty. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "workspace";
}

export function withSuffix(slug: string): string {
  return `${slug}-${randomBytes(3).toString("hex")}`;
}
