import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame } from "./field-frame";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: ReactNode };

/** A labelled input with its hint and its error right beside it. */
export function Field({ label, error, hint, className, ...input }: Props) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...input} {...control} />}
    </FieldFrame>
  );
}
