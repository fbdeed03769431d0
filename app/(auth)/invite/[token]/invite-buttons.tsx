"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction, switchAccountAction } from "./actions";

export function AcceptButton({ token, workspace }: { token: string; workspace: string }) {
  const { execute, result, isPending } = useAction(acceptInvitationAction);
  return (
    <div className="mt-6 flex flex-col gap-3">
      {result.serverError && <Alert tone="error">{result.serverError}</Alert>}
      <Button pending={isPending} pendingLabel="Joining…" onClick={() => execute({ token })}>
        Join {workspace}
      </Button>
    </div>
  );
}

export function SwitchAccountButton({ token }: { token: string }) {
  const { execute, isPending } = useAction(switchAccountAction);
  return (
    <Button variant="secondary" className="mt-6 w-full" pending={isPending} onClick={() => execute({ token })}>
      Sign out and use that address
    </Button>
  );
}
