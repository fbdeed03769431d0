"use client";

import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import type { ButtonVariant } from "./button-class";

// The dialog's code loads on the first click: pages with a delete button don't carry it up front.
const ConfirmDialog = dynamic(() => import("./confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false });

type Props = {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  variant?: ButtonVariant;
};

/** A button that asks first, in a modal dialog (focus trapped, Esc cancels, Cancel is focused). */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, pending, variant = "secondary" }: Props) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={trigger}
        type="button"
        variant={variant}
        pending={pending}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {used && (
        <ConfirmDialog open={open} onOpenChange={setOpen} title={title} confirmLabel={confirmLabel} onConfirm={onConfirm} returnFocusTo={trigger}>
          {children}
        </ConfirmDialog>
      )}
    </>
  );
}
