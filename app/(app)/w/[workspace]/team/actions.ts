"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  changeRole,
  createInvitation,
  leaveWorkspace,
  removeMember,
  renameWorkspace,
  renewInvitation,
  revokeInvitation,
  type MembershipChange,
} from "@/db/queries/team";
import { workspaceActionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { invitationMail } from "@/lib/mail/invitation";
import { roleLabels } from "@/lib/permissions";
import {
  invitationIdSchema,
  inviteSchema,
  memberIdSchema,
  memberRoleSchema,
  renameWorkspaceSchema,
} from "@/lib/validation/team";
import { workspaceSlug } from "@/lib/validation/workspaces";
import type { MemberContext } from "@/lib/session";

const teamClient = workspaceActionClient.bindArgsSchemas([workspaceSlug]);
const teamPath = (slug: string) => `/w/${slug}/team`;

const refusals: Record<Exclude<MembershipChange, "ok">, string> = {
  not_found: "That person is no longer a member of this workspace.",
  last_owner: "Every workspace needs an owner. Make someone else an owner first.",
  forbidden: "Only an owner can remove another owner.",
  personal: "This is your personal workspace: it stays yours.",
};

function check(result: MembershipChange): void {
  if (result !== "ok") throw new UserError(refusals[result]);
}

async function mailInvitation(ctx: MemberContext, to: { email: string; role: string; token: string }) {
  await sendMail(
    invitationMail({
      to: to.email,
      inviter: ctx.user.name || ctx.user.email,
      workspace: ctx.workspace.name,
      role: roleLabels[to.role as keyof typeof roleLabels] ?? to.role,
      token: to.token,
    }),
  );
}

export const inviteAction = teamClient
  .metadata({ name: "invite", permission: "members:invite" })
  .inputSchema(inviteSchema)
  .action(async ({ parsedInput: input, ctx }) => {
    if (ctx.workspace.personal) {
      throw new UserError("Your personal workspace is just for you. Create a team workspace to invite people.");
    }
    if (input.role === "owner" && ctx.workspace.role !== "owner") {
      throw new UserError("Only an owner can invite another owner. Invite them as admin instead.");
    }
    const result = await createInvitation(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }, input);
    if (result.status === "already_member") throw new UserError(`${input.email} is already in this workspace.`);
    await mailInvitation(ctx, { ...input, token: result.token });
    revalidatePath(teamPath(ctx.workspace.slug));
    return { email: input.email };
  });

export const resendInvitationAction = teamClient
  .metadata({ name: "resendInvitation", permission: "members:invite" })
  .inputSchema(invitationIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    const renewed = await renewInvitation(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }, id);
    if (!renewed) throw new UserError("That invitation was already accepted or revoked.");
    await mailInvitation(ctx, renewed);
    revalidatePath(teamPath(ctx.workspace.slug));
    return { email: renewed.email };
  });

export const revokeInvitationAction = teamClient
  .metadata({ name: "revokeInvitation", permission: "members:invite" })
  .inputSchema(invitationIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    const done = await revokeInvitation(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }, id);
    if (!done) throw new UserError("That invitation was already accepted or revoked.");
    revalidatePath(teamPath(ctx.workspace.slug));
  });

export const changeRoleAction = teamClient
  .metadata({ name: "changeRole", permission: "members:change-role" })
  .inputSchema(memberRoleSchema)
  .action(async ({ parsedInput: input, ctx }) => {
    check(await changeRole(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }, input));
    revalidatePath(teamPath(ctx.workspace.slug));
  });

export const removeMemberAction = teamClient
  .metadata({ name: "removeMember", permission: "members:remove" })
  .inputSchema(memberIdSchema)
  .action(async ({ parsedInput: { userId }, ctx }) => {
    if (userId === ctx.user.id) throw new UserError("To leave this workspace, use “Leave workspace”.");
    const actor = { workspaceId: ctx.workspace.id, userId: ctx.user.id, role: ctx.workspace.role };
    check(await removeMember(await getDb(), actor, userId));
    revalidatePath(teamPath(ctx.workspace.slug));
  });

export const leaveWorkspaceAction = teamClient
  .metadata({ name: "leaveWorkspace" })
  .action(async ({ ctx }) => {
    check(await leaveWorkspace(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }));
    redirect("/w?left=1");
  });

export const renameWorkspaceAction = teamClient
  .metadata({ name: "renameWorkspace", permission: "workspace:rename" })
  .inputSchema(renameWorkspaceSchema)
  .action(async ({ parsedInput: { name }, ctx }) => {
    await renameWorkspace(await getDb(), { workspaceId: ctx.workspace.id, userId: ctx.user.id }, name);
    revalidatePath(`/w/${ctx.workspace.slug}`, "layout");
  });
