import type { Dashboard, DashboardLists, FocusTag } from "@/db/queries/dashboard";

/** React Query keys of the dashboard; everything under ["dashboard", slug] is refetched after a log. */
export const dashboardKeys = {
  all: (slug: string) => ["dashboard", slug] as const,
  summary: (slug: string) => ["dashboard", slug, "summary"] as const,
  lists: (slug: string, tag: string) => ["dashboard", slug, "lists", tag] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

export const fetchDashboard = (slug: string) => getJson<Dashboard>(`/api/w/${encodeURIComponent(slug)}/dashboard`);

export const fetchDashboardLists = (slug: string, tag: string) =>
  getJson<DashboardLists>(`/api/w/${encodeURIComponent(slug)}/dashboard/lists?${new URLSearchParams({ tag })}`);

export const fetchFocusTags = (slug: string) => getJson<FocusTag[]>(`/api/w/${encodeURIComponent(slug)}/dashboard/tags`);
