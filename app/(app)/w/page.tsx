import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { requireUser } from "@/lib/session";

/** "Home": the personal workspace first, else the first one the user belongs to. */
export default async function WorkspacesHome() {
  const user = await requireUser();
  const [first] = await listWorkspacesForUser(await getDb(), user.id);
  redirect(first ? `/w/${first.slug}` : "/workspaces/new");
}
