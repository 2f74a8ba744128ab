import "server-only";
import type { NextAuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { clientIp } from "./client-ip.ts";
import { verifyCredentials } from "./credentials.ts";
import { normaliseEmail } from "./rate-limit.ts";
import { SESSION_REVOKED, tokenStillValid } from "./session-version.ts";

/** Session lifetime: one working day. */
const SESSION_MAX_AGE = 8 * 60 * 60;

/** Microsoft Entra ID is switched on by its three environment variables (README: «Innlogging med Entra ID»). */
export function entraIdConfigured(): boolean {
  return Boolean(process.env.AUTH_ENTRA_ID_CLIENT_ID && process.env.AUTH_ENTRA_ID_CLIENT_SECRET && process.env.AUTH_ENTRA_ID_TENANT_ID);
}

const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  // __Secure- prefixed, Secure, HttpOnly, SameSite=Lax cookies whenever the site runs on https.
  useSecureCookies: secureCookies,
  pages: { signIn: "/logg-inn", signOut: "/logg-ut", error: "/logg-inn" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-post og passord",
      credentials: { email: { label: "E-post", type: "email" }, password: { label: "Passord", type: "password" } },
      async authorize(credentials, req) {
        const result = await verifyCredentials(credentials?.email, credentials?.password, clientIp(req?.headers));
        if (!result.ok) throw new Error(result.code);
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
    ...(entraIdConfigured()
      ? [
          AzureADProvider({
            id: "entra-id",
            name: "Microsoft Entra ID",
            clientId: process.env.AUTH_ENTRA_ID_CLIENT_ID!,
            clientSecret: process.env.AUTH_ENTRA_ID_CLIENT_SECRET!,
            tenantId: process.env.AUTH_ENTRA_ID_TENANT_ID!,
          }),
        ]
      : []),
  ],
  // An ended session (SESSION_REVOKED above) is an expected outcome, not an error worth a stack trace.
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_REVOKED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  callbacks: {
    /**
     * Where next-auth sends the browser after login or logout: a path or a URL on this site, else the
     * front page. next-auth's default throws on a URL it cannot parse (`http://host:99999`), a 500.
     */
    redirect({ url, baseUrl }) {
      try {
        const target = new URL(url, baseUrl);
        return target.origin === new URL(baseUrl).origin ? target.toString() : baseUrl;
      } catch {
        return baseUrl;
      }
    },
    /** OIDC users are matched by e-mail to an existing, active account; nobody is created here. */
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const email = user.email ? normaliseEmail(user.email) : "";
      const known = email ? await prisma.user.findUnique({ where: { email } }) : null;
      if (!known || !known.active) return "/logg-inn?feil=ukjent-konto";
      user.id = String(known.id);
      await prisma.user.update({ where: { id: known.id }, data: { lastLoginAt: new Date() } });
      return true;
    },
    /**
     * At login the token gets the user's id, role and session version. On every later use it is
     * checked against the database: a deactivated user or an older session version throws, which
     * makes next-auth answer «no session» and clear the cookie (lib/auth/session-version.ts).
     */
    async jwt({ token, user }) {
      if (user?.email) {
        const known = await prisma.user.findUnique({ where: { email: normaliseEmail(user.email) } });
        if (!known || !known.active) throw new Error(SESSION_REVOKED);
        token.uid = known.id;
        token.role = known.role;
        token.sv = known.sessionVersion;
        return token;
      }
      const check = await tokenStillValid(token);
      if (!check.valid) throw new Error(SESSION_REVOKED);
      token.role = check.role;
      return token;
    },
    /** The session only names the user (for the header); every decision reloads the user from the database. */
    async session({ session, token }) {
      if (session.user && typeof token.uid === "number") {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv;
      }
      return session;
    },
  },
};

declare module "next-auth" {
  interface Session {
    user?: { id?: number; role?: string; sessionVersion?: number; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: string;
    /** The user's session version when the token was issued (lib/auth/session-version.ts). */
    sv?: number;
  }
}
