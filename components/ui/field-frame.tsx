import { useId, type ReactNode } from "react";

export type FieldControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
};

type Props = {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control, given the id and ARIA wiring that tie it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
};

/** The label above a control, its hint and its error below: shared by every form field. */
export function FieldFrame({ label, error, hint, className = "", children }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        className: `min-h-9 rounded-lg border bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-ink-subtle ${
          error ? "border-danger-fg" : "border-line-strong"
        }`,
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-ink-subtle">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger-fg">
          {error}
        </p>
      )}
    </div>
  );
}
