"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { authActionClient } from "@/lib/actions";
import { createWorkspaceSchema } from "@/lib/validation/workspaces";

export const createWorkspaceAction = authActionClient
  .metadata({ name: "createWorkspace" })
  .inputSchema(createWorkspaceSchema)
  .action(async ({ parsedInput: { name }, ctx: { user } }) => {
    const db = await getDb();
    const ws = await db.transaction((tx) => createWorkspace(tx, { name, ownerId: user.id }));
    redirect(`/w/${ws.slug}`);
  });
