import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mutual — give first, keep in touch", template: "%s · Mutual" },
  description: "Keep the people you know, what matters to them, and a fair give-and-take with each of them.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // The browser's own bars match the page in either theme (the --canvas token).
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
