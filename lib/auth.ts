import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { createPersonalWorkspace, getSessionUser, getUserForSignIn } from "@/db/queries/users";
import { getAuthSecret } from "@/lib/auth-secret";
import { noteDbFailure } from "@/lib/db-errors";
import { authConfig, oauthProviders } from "@/lib/auth.config";
import { verifyAgainstDummy, verifyPassword } from "@/lib/password";
import { clearLimit, hit, isLimited } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-ip";
import { signInSchema } from "@/lib/validation/auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; verified: boolean; timeZone: string } & NonNullable<DefaultSession["user"]>;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    verified?: boolean;
    tz?: string;
  }
}

/** Too many failed attempts: told apart from a wrong password so the form can say so. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * A wrong password is an everyday answer, not a server error: one line for it (no stack, no
 * e-mail address); everything else as Auth.js would log it.
 */
const authLogger = {
  error(error: Error) {
    if ((error as { type?: string }).type === "CredentialsSignin") {
      console.warn(`[auth] sign-in refused (${(error as CredentialsSignin).code ?? "credentials"})`);
      return;
    }
    console.error("[auth][error]", error);
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...authConfig,
    secret: getAuthSecret(),
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts }),
    logger: authLogger,
    providers: [
      ...oauthProviders(),
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse({ email: credentials.email, password: credentials.password });
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIp(request.headers);
          if ((await isLimited("signInPerEmail", email)) || (await isLimited("signInPerIp", ip))) {
            throw new RateLimitedSignIn();
          }
          const user = await getUserForSignIn(db, email);
          const ok = user?.passwordHash
            ? await verifyPassword(user.passwordHash, password)
            : await verifyAgainstDummy(password);
          if (!user || !ok) {
            await Promise.all([hit("signInPerEmail", email), hit("signInPerIp", ip)]);
            return null;
          }
          await clearLimit("signInPerEmail", email);
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    events: {
      // OAuth sign-ups arrive through the adapter: give them their personal workspace too.
      async createUser({ user }) {
        if (user.id) await createPersonalWorkspace(db, { id: user.id, name: user.name ?? user.email ?? "My" });
      },
    },
    callbacks: {
      /**
       * Runs on every request that reads the session. The user row is read each time:
       * a password change (session version) or a deleted account ends the session here.
       */
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
        }
        if (!token.uid) return null;
        const current = await getSessionUser(db, token.uid).catch(noteDbFailure);
        if (!current || current.sessionVersion !== token.sv) return null;
        token.name = current.name;
        token.email = current.email;
        token.verified = current.emailVerified;
        token.tz = current.timeZone;
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid ?? "",
          name: token.name ?? "",
          email: token.email ?? "",
          verified: token.verified ?? false,
          timeZone: token.tz ?? "UTC",
        };
        return session;
      },
    },
  };
});
