/**
 * The look of a text input, select or textarea outside a Field (filters, search boxes).
 * A control styled with it still needs a <label> or an aria-label.
 */
export const inputClass =
  "min-h-9 rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-ink-subtle";
