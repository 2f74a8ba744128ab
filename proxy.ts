import { withAuth } from "next-auth/middleware";

/**
 * Pages that need a login send anonymous visitors to /logg-inn first. This is only a convenience:
 * every page and every mutation checks access itself through lib/auth/authorize.ts.
 */
export default withAuth({ pages: { signIn: "/logg-inn" } });

export const config = {
  matcher: ["/admin/:path*", "/endringsforslag/:path*", "/mine-forslag/:path*", "/ordninger/ny", "/ordninger/:id/rediger"],
};
