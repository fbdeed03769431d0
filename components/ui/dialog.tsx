"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type ContentProps = {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  onCloseAutoFocus?: (event: Event) => void;
};

/**
 * A modal dialog: focus moves in and is trapped, Esc and the overlay close it, focus
 * returns to the trigger. It fits a 360 px screen and scrolls when taller than the screen.
 */
export function DialogContent({ title, description, children, className = "", onCloseAutoFocus }: ContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
      <RadixDialog.Content
        {...(description ? {} : { "aria-describedby": undefined })}
        onCloseAutoFocus={onCloseAutoFocus}
        className={`fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-card border border-line bg-surface-raised p-6 text-ink shadow-overlay ${className}`}
      >
        <RadixDialog.Title className="text-heading">{title}</RadixDialog.Title>
        {description && (
          <RadixDialog.Description asChild>
            <div className="mt-2 text-sm text-ink-muted">{description}</div>
          </RadixDialog.Description>
        )}
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
