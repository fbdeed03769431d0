import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { requireUser } from "@/lib/session";

type Props = { searchParams: Promise<{ welcome?: string }> };

/** "Home": the personal workspace first, else the first one the user belongs to. A first sign-in keeps its welcome. */
export default async function WorkspacesHome({ searchParams }: Props) {
  const user = await requireUser();
  const { welcome } = await searchParams;
  const [first] = await listWorkspacesForUser(await getDb(), user.id);
  redirect(first ? `/w/${first.slug}${welcome === "1" ? "?welcome=1" : ""}` : "/workspaces/new");
}
