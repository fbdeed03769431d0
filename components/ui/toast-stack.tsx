"use client";

import * as RadixToast from "@radix-ui/react-toast";
import { dismissToast, type ToastItem } from "./toast";

const tones = {
  success: "border-accent-line",
  error: "border-danger-line",
  info: "border-line",
} as const;

const icons = { success: "✓", error: "!", info: "i" } as const;

export function ToastStack({ items }: { items: ToastItem[] }) {
  return (
    <RadixToast.Provider duration={5000} swipeDirection="right" label="Notification">
      {items.map((t) => (
        <RadixToast.Root
          key={t.id}
          type={t.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) dismissToast(t.id);
          }}
          className={`flex items-start gap-3 rounded-lg border-l-4 border bg-surface-raised p-4 text-sm text-ink shadow-overlay ${tones[t.tone]}`}
        >
          <span
            aria-hidden
            className={`grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold ${
              t.tone === "error" ? "bg-danger text-white" : t.tone === "success" ? "bg-accent text-on-accent" : "bg-surface-muted text-ink"
            }`}
          >
            {icons[t.tone]}
          </span>
          <div className="min-w-0 flex-1">
            <RadixToast.Title className="font-medium">{t.title}</RadixToast.Title>
            {t.description && <RadixToast.Description className="mt-1 text-ink-muted">{t.description}</RadixToast.Description>}
          </div>
          <RadixToast.Close aria-label="Dismiss" className="-m-1 rounded p-1 text-ink-subtle hover:text-ink">
            <span aria-hidden>×</span>
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="fixed bottom-0 right-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </RadixToast.Provider>
  );
}
