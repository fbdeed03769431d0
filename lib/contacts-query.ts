import type { ContactListItem } from "@/db/queries/contacts";

/** What the contact list is showing; mirrored in the URL so a pasted link opens the same view. */
export type ContactSort = "name" | "recent" | "balance" | "strength" | "last";
export type ContactFilters = {
  q: string;
  tag?: string;
  company?: string;
  archived: boolean;
  sort: ContactSort;
  state?: "giving" | "balanced" | "owing";
  cold?: boolean;
};
export type ContactPage = { items: ContactListItem[]; nextCursor: string | null };

export const contactsKey = (slug: string, f: ContactFilters) => ["contacts", slug, f] as const;

export function filtersToParams(f: ContactFilters, cursor?: string | null): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.tag) p.set("tag", f.tag);
  if (f.company) p.set("company", f.company);
  if (f.archived) p.set("archived", "1");
  if (f.sort !== "name") p.set("sort", f.sort);
  if (f.state) p.set("state", f.state);
  if (f.cold) p.set("cold", "1");
  if (cursor) p.set("cursor", cursor);
  return p;
}

export async function fetchContacts(slug: string, f: ContactFilters, cursor: string | null): Promise<ContactPage> {
  const res = await fetch(`/api/w/${encodeURIComponent(slug)}/contacts?${filtersToParams(f, cursor)}`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`contacts ${res.status}`);
  return (await res.json()) as ContactPage;
}
