const variants = {
  primary: "bg-accent text-on-accent hover:bg-accent-hover disabled:bg-accent/60",
  secondary: "border border-line-strong bg-surface text-ink hover:bg-surface-muted disabled:opacity-60",
  ghost: "text-ink-muted hover:bg-surface-muted hover:text-ink",
  danger: "bg-danger text-white hover:bg-danger-hover disabled:bg-danger/60",
} as const;

export type ButtonVariant = keyof typeof variants;

/** Button looks, for links that should look like buttons too. */
export const buttonClass = (variant: ButtonVariant = "primary") =>
  `inline-flex min-h-9 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${variants[variant]}`;
