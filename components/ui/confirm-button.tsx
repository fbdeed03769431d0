"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "./button";
import type { ButtonVariant } from "./button-class";

type Props = {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  variant?: ButtonVariant;
};

/** A button that asks first, in a native modal dialog (focus trapped, Esc cancels). */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, pending, variant = "secondary" }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button type="button" variant={variant} onClick={() => dialog.current?.showModal()} pending={pending}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-card border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 text-sm text-ink-muted">{children}</div>
        <div className="mt-6 flex justify-end gap-3">
          <Button type="button" variant="ghost" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button
            type="button"
            className="bg-red-700 hover:bg-red-800"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
