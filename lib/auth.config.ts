import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";

/**
 * The part of the Auth.js config that needs no database: pages, session strategy
 * and the OAuth providers, each switched on only when its credentials are set.
 */
const oauth = [
  { id: "github", name: "GitHub", provider: GitHub, env: ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"] },
  { id: "google", name: "Google", provider: Google, env: ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"] },
] as const;

export function configuredOAuthProviders() {
  return oauth.filter((o) => o.env.every((name) => Boolean(process.env[name])));
}

export function oauthProviders(): NextAuthConfig["providers"] {
  return configuredOAuthProviders().map((o) => o.provider);
}

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
} satisfies NextAuthConfig;
