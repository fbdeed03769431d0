const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60",
  secondary: "border border-slate-300 bg-white text-ink hover:bg-slate-50 disabled:opacity-60",
  ghost: "text-ink-muted hover:bg-slate-100 hover:text-ink",
} as const;

export type ButtonVariant = keyof typeof variants;

/** Button looks, for links that should look like buttons too. */
export const buttonClass = (variant: ButtonVariant = "primary") =>
  `inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${variants[variant]}`;
