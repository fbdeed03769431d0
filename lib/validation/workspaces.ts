import { z } from "zod";
import { text } from "./text";

export const workspaceName = text(
  z.string().trim().min(2, "Give the workspace a name of at least 2 characters.").max(60, "Keep the name under 60 characters."),
);

export const createWorkspaceSchema = z.strictObject({ name: workspaceName });

/** Workspace slugs as they appear in URLs. */
export const workspaceSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
