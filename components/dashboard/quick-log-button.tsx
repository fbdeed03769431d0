"use client";

import { Button } from "@/components/ui/button";
import { openQuickLog } from "@/components/ledger/quick-log";

export function QuickLogButton({ id, name }: { id: string; name: string }) {
  return (
    <Button variant="secondary" className="!px-2 !py-1 text-xs" onClick={() => openQuickLog({ id, name })} aria-label={`Log with ${name}`}>
      Log
    </Button>
  );
}
