import type { Metadata } from "next";
import Link from "next/link";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { listContacts } from "@/db/queries/contacts";
import { buttonClass } from "@/components/ui/button-class";
import { Alert } from "@/components/ui/alert";
import { contactsKey, type ContactFilters } from "@/lib/contacts-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireMember } from "@/lib/session";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { ContactList } from "./contact-list";

export const metadata: Metadata = { title: "Contacts" };

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ContactsPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const sp = await searchParams;
  const parsed = contactListQuerySchema.safeParse({
    q: first(sp.q),
    tag: first(sp.tag),
    company: first(sp.company),
    archived: first(sp.archived),
    sort: first(sp.sort),
    state: first(sp.state),
    cold: first(sp.cold),
  });
  const query = parsed.success ? parsed.data : contactListQuerySchema.parse({});
  const filters: ContactFilters = {
    q: query.q,
    tag: query.tag,
    company: query.company,
    archived: query.archived,
    sort: query.sort,
    state: query.state,
    cold: query.cold,
  };

  // The first page is fetched here so the list paints with data; the client takes over from there.
  const db = await getDb();
  const queryClient = makeQueryClient();
  await queryClient.prefetchInfiniteQuery({
    queryKey: contactsKey(slug, filters),
    queryFn: () => listContacts(db, { workspaceId: workspace.id, userId: user.id }, query),
    initialPageParam: null as string | null,
  });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-title">Contacts</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`/w/${slug}/import`} className={buttonClass("secondary")}>
            Import
          </Link>
          <Link href={`/w/${slug}/contacts/new`} className={buttonClass("primary")}>
            Add contact
          </Link>
        </div>
      </div>
      {first(sp.deleted) === "1" && <Alert tone="success">The contact and its notes are deleted.</Alert>}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ContactList slug={slug} initialFilters={filters} />
      </HydrationBoundary>
    </div>
  );
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
