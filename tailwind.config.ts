import type { Config } from "tailwindcss";

// Tailwind v4 reads this file through `@config` in app/globals.css.
// Colours are semantic tokens backed by CSS variables (defined in app/globals.css for the
// light theme and for `prefers-color-scheme: dark`), so one class serves both themes.
// The palette: a warm "give" green and a calm "take" amber around neutral ink.
const v = (name: string) => `var(--${name})`;

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // The fixed brand scale: the logo and illustrations; UI uses the tokens below.
        brand: {
          50: "#ecfdf5",
          100: "#d1fae5",
          200: "#a7f3d0",
          300: "#6ee7b7",
          500: "#10b981",
          600: "#059669",
          700: "#047857",
          800: "#065f46",
          900: "#064e3b",
        },
        canvas: v("canvas"),
        surface: { DEFAULT: v("surface"), muted: v("surface-muted"), raised: v("surface-raised") },
        line: { DEFAULT: v("line"), strong: v("line-strong"), subtle: v("line-subtle") },
        ink: { DEFAULT: v("ink"), muted: v("ink-muted"), subtle: v("ink-subtle") },
        accent: {
          DEFAULT: v("accent"),
          hover: v("accent-hover"),
          text: v("accent-text"),
          soft: v("accent-soft"),
          "soft-fg": v("accent-soft-fg"),
          line: v("accent-line"),
        },
        "on-accent": v("on-accent"),
        warn: { soft: v("warn-soft"), fg: v("warn-fg"), line: v("warn-line") },
        danger: { DEFAULT: v("danger"), hover: v("danger-hover"), fg: v("danger-fg"), soft: v("danger-soft"), line: v("danger-line") },
        give: v("give"),
        take: v("take"),
        focus: v("focus"),
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
      },
      // One type scale: page titles (title), section titles (heading), body (sm), captions (xs).
      fontSize: {
        title: ["1.5rem", { lineHeight: "2rem", fontWeight: "600" }],
        heading: ["1.125rem", { lineHeight: "1.75rem", fontWeight: "600" }],
      },
      spacing: { page: "2rem", section: "1.5rem" },
      borderRadius: { card: "0.75rem" },
      boxShadow: { overlay: "0 10px 38px -10px rgb(2 6 23 / 0.35), 0 10px 20px -15px rgb(2 6 23 / 0.3)" },
    },
  },
};

export default config;
