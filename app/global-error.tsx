"use client";

// Replaces the root layout, so it carries its own few styles (light and dark).
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en" style={{ colorScheme: "light dark" }}>
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem", lineHeight: 1.5 }}>
        <h1 style={{ fontSize: "1.5rem" }}>Something went wrong on our side</h1>
        <p>Nothing you did. Please try again in a moment.</p>
        <p style={{ display: "flex", gap: "1rem", justifyContent: "center" }}>
          <button onClick={reset} style={{ padding: "0.5rem 1rem", borderRadius: "0.5rem", border: "1px solid", background: "transparent", color: "inherit" }}>
            Try again
          </button>
          {/* A full page load: the app's own navigation may be what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- global-error replaces the root layout; <Link> needs the app router that just failed */}
          <a href="/w" style={{ alignSelf: "center", color: "inherit" }}>
            Back to your network
          </a>
        </p>
      </body>
    </html>
  );
}
