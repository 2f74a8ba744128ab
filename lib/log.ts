import pino from "pino";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";

/**
 * Structured logs: one JSON object per line on stdout (pino), with time, level, message and — for
 * anything done for a request — its `requestId` (lib/http/request-id.ts). LOG_LEVEL sets the level
 * (default info; "silent" in tests). Secrets are redacted wherever they appear by these names.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { app: "samarbeidsregisteret" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "headers.cookie", "headers.authorization", "token", "*.token"],
});

/** The logger for one request: every line carries the request id the proxy assigned. */
export function requestLog(request: { headers: Headers } | Headers | null | undefined) {
  const headers = request instanceof Headers ? request : request?.headers;
  const requestId = headers?.get(REQUEST_ID_HEADER);
  return requestId ? log.child({ requestId }) : log;
}
