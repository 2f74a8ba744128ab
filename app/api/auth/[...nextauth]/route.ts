import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

/** next-auth's endpoints (login, logout, session, CSRF token). Login is rate limited in lib/auth/credentials.ts. */
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
