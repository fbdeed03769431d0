"use client";

import type { ReactNode, RefObject } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent } from "./dialog";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
};

/** The dialog half of ConfirmButton, loaded on the first click. Cancel comes first, so it has the focus. */
export function ConfirmDialog({ open, onOpenChange, title, children, confirmLabel, onConfirm, returnFocusTo }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={title}
        description={children}
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <DialogClose asChild>
            <Button type="button" variant="ghost">
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant="danger"
            onClick={() => {
              onOpenChange(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
