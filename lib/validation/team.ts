import { z } from "zod";
import { roles } from "@/db/schema/workspaces";
import { email } from "./auth";
import { workspaceName } from "./workspaces";

const role = z.enum(roles, "Choose owner, admin or member.");
const id = z.uuid("That item doesn't exist any more.");

export const inviteSchema = z.strictObject({ email, role });
export const invitationIdSchema = z.strictObject({ id });
export const memberRoleSchema = z.strictObject({ userId: id, role });
export const memberIdSchema = z.strictObject({ userId: id });
export const renameWorkspaceSchema = z.strictObject({ name: workspaceName });
export const invitationTokenSchema = z.strictObject({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
