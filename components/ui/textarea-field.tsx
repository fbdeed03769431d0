import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: ReactNode };

/** A labelled textarea with its hint and error beside it (the multi-line twin of Field). */
export function TextAreaField({ label, error, hint, className, rows = 3, ...textarea }: Props) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea rows={rows} {...textarea} {...control} />}
    </FieldFrame>
  );
}
