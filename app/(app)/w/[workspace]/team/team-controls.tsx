"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { inputClass } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { FieldFrame } from "@/components/ui/field-frame";
import type { Role } from "@/db/schema/workspaces";
import { formErrors } from "@/lib/action-errors";
import { roleLabels } from "@/lib/permissions";
import {
  changeRoleAction,
  inviteAction,
  leaveWorkspaceAction,
  removeMemberAction,
  renameWorkspaceAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "./actions";

const roleHints: Record<Role, string> = {
  member: "Uses the workspace: contacts, notes, the ledger.",
  admin: "Also invites and removes members.",
  owner: "Everything, including roles, renaming and deleting the workspace.",
};

export function InviteForm({ slug, roles }: { slug: string; roles: Role[] }) {
  const form = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role>("member");
  const { execute, result, isPending, hasSucceeded } = useAction(inviteAction.bind(null, slug), {
    onSuccess: () => form.current?.reset(),
  });
  const errors = formErrors(result);
  return (
    <form
      ref={form}
      className="mt-4 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ email: String(new FormData(e.currentTarget).get("email") ?? ""), role });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {hasSucceeded && result.data && (
        <Alert tone="success">Invitation sent to {result.data.email}. The link works for 7 days.</Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="teammate@example.com"
          required
          error={errors.field("email")}
        />
        <FieldFrame label="Role" hint={roleHints[role]} error={errors.field("role")}>
          {(control) => (
            <select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>
      <div>
        <Button type="submit" pending={isPending} pendingLabel="Sending…">
          Send invitation
        </Button>
      </div>
    </form>
  );
}

type MemberProps = {
  slug: string;
  userId: string;
  name: string;
  role: Role;
  mayChangeRole: boolean;
  mayRemove: boolean;
};

export function MemberControls({ slug, userId, name, role, mayChangeRole, mayRemove }: MemberProps) {
  const router = useRouter();
  const change = useAction(changeRoleAction.bind(null, slug), {
    onSuccess: ({ input }) => {
      router.refresh();
      toast(`${name} is now ${roleLabels[input.role].toLowerCase()}`);
    },
  });
  const remove = useAction(removeMemberAction.bind(null, slug), {
    onSuccess: () => {
      router.refresh();
      toast(`Removed ${name} from the workspace`);
    },
  });
  const error = change.result.serverError ?? remove.result.serverError;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {mayChangeRole ? (
        <select
          aria-label={`Role of ${name}`}
          value={role}
          disabled={change.isPending}
          onChange={(e) => change.execute({ userId, role: e.target.value as Role })}
          className={inputClass}
        >
          {(["owner", "admin", "member"] as const).map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      ) : (
        <span className="rounded-full bg-surface-muted px-2.5 py-1 text-xs font-medium text-ink-muted">{roleLabels[role]}</span>
      )}
      {mayRemove && (
        <ConfirmButton
          label="Remove"
          title={`Remove ${name}?`}
          confirmLabel="Remove from workspace"
          pending={remove.isPending}
          onConfirm={() => remove.execute({ userId })}
        >
          {name} loses access at once. The contacts and team notes they shared stay with the team; their private
          notes stay private.
        </ConfirmButton>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-danger-fg">
          {error}
        </p>
      )}
    </div>
  );
}

export function InvitationControls({ slug, id, email }: { slug: string; id: string; email: string }) {
  const router = useRouter();
  const resend = useAction(resendInvitationAction.bind(null, slug), { onSuccess: () => router.refresh() });
  const revoke = useAction(revokeInvitationAction.bind(null, slug), {
    onSuccess: () => {
      router.refresh();
      toast(`Invitation for ${email} revoked`, { tone: "info" });
    },
  });
  const error = resend.result.serverError ?? revoke.result.serverError;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" pending={resend.isPending} pendingLabel="Sending…" onClick={() => resend.execute({ id })}>
        Re-send
      </Button>
      <ConfirmButton
        label="Revoke"
        title={`Revoke the invitation for ${email}?`}
        confirmLabel="Revoke"
        pending={revoke.isPending}
        onConfirm={() => revoke.execute({ id })}
      >
        The link in their mail stops working. You can invite them again later.
      </ConfirmButton>
      {resend.hasSucceeded && <p role="status" className="text-sm text-accent-soft-fg">Sent again.</p>}
      {error && (
        <p role="alert" className="w-full text-sm text-danger-fg">
          {error}
        </p>
      )}
    </div>
  );
}

export function LeaveWorkspace({ slug, name }: { slug: string; name: string }) {
  const leave = useAction(leaveWorkspaceAction.bind(null, slug));
  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmButton
        label="Leave workspace"
        title={`Leave ${name}?`}
        confirmLabel="Leave"
        pending={leave.isPending}
        onConfirm={() => leave.execute()}
      >
        You lose access to its contacts and notes. Your private notes here stay hidden from everyone; someone can
        invite you back.
      </ConfirmButton>
      {leave.result.serverError && (
        <p role="alert" className="text-sm text-danger-fg">
          {leave.result.serverError}
        </p>
      )}
    </div>
  );
}

export function RenameWorkspace({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const { execute, result, isPending, hasSucceeded } = useAction(renameWorkspaceAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(result);
  return (
    <form
      className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ name: String(new FormData(e.currentTarget).get("name") ?? "") });
      }}
    >
      <Field
        label="Workspace name"
        name="name"
        defaultValue={name}
        required
        error={errors.field("name") ?? errors.form}
        className="flex-1"
      />
      <Button type="submit" variant="secondary" pending={isPending} pendingLabel="Saving…">
        Rename
      </Button>
      {hasSucceeded && (
        <p role="status" className="text-sm text-accent-soft-fg">
          Renamed.
        </p>
      )}
    </form>
  );
}
