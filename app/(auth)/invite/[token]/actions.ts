"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { acceptInvitation } from "@/db/queries/team";
import { authActionClient } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { UserError } from "@/lib/errors";
import { invitationTokenSchema } from "@/lib/validation/team";

export const acceptInvitationAction = authActionClient
  .metadata({ name: "acceptInvitation" })
  .inputSchema(invitationTokenSchema)
  .action(async ({ parsedInput: { token }, ctx: { user } }) => {
    const result = await acceptInvitation(await getDb(), user, token);
    if (result.status === "wrong_email") {
      throw new UserError(`This invitation is for ${result.email}. Sign in with that address to accept it.`);
    }
    if (result.status === "invalid") {
      throw new UserError("This invitation can't be used any more: it was accepted, revoked or has expired.");
    }
    redirect(`/w/${result.slug}?joined=1`);
  });

/** Signs out and comes back to the invitation, to accept it with the invited address. */
export const switchAccountAction = authActionClient
  .metadata({ name: "switchAccount" })
  .inputSchema(invitationTokenSchema)
  .action(async ({ parsedInput: { token } }) => {
    await signOut({ redirectTo: `/invite/${token}` });
  });
