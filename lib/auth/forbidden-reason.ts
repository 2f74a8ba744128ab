/**
 * Why a page answered «Ingen tilgang» (403), told from the address that was asked for (issue #14).
 * Next's forbidden() renders app/forbidden.tsx separately from the page, so the page's own reason
 * does not reach it; proxy.ts passes the requested path and query on as a request header instead,
 * and the forbidden page picks the rule of that section. The texts state the rules of
 * lib/auth/authorize.ts as the pages that call denyAccess apply them; the header only chooses
 * among these fixed texts, so a forged header can at most show another section's rule.
 */
export const FORBIDDEN_PATH_HEADER = "x-samarbeid-path";

export const GENERAL_REASON = "Kontoen du er logget inn med, har ikke tilgang til denne siden.";

const REVISE = "Et forslag kan bare endres av den som sendte det, og bare når Statsforvalteren har sendt det tilbake til endring.";

/** [path pattern, does the query name a proposal (`forslag=`) matter, reason]; first match wins. */
const RULES: { path: RegExp; forslag?: boolean; reason: string }[] = [
  { path: /^\/admin(\/|$)/, reason: "Administrasjonen (brukere og utboks) er bare for administratorene av registeret." },
  { path: /^\/kvalitet$/, reason: "Oversikten over datakvalitet er bare for rådgiverne hos Statsforvalteren og administratorene." },
  {
    path: /^\/endringsforslag$/,
    reason: "Køen av endringsforslag behandles av rådgiverne hos Statsforvalteren. Forslagene du selv har sendt, finner du under «Mine forslag».",
  },
  { path: /^\/endringsforslag\/[^/]+$/, reason: "Et endringsforslag kan bare ses av kommunen som sendte det, av den som sendte det, og av rådgiverne hos Statsforvalteren." },
  { path: /^\/kartlegging\/[^/]+$/, reason: "Fremdriftstavlen for en kartleggingsrunde er bare for rådgiverne hos Statsforvalteren." },
  { path: /^\/kartlegging\/[^/]+\/[^/]+$/, reason: "Kartleggingen for en kommune kan bare ses av kommunens egne redaktører og av rådgiverne hos Statsforvalteren." },
  { path: /^\/ordninger\/[^/]+\/rediger$/, forslag: true, reason: REVISE },
  { path: /^\/ordninger\/ny$/, forslag: true, reason: REVISE },
  { path: /^\/ordninger\/ny$/, reason: "Nye ordninger registreres av redaktører for en kommune som deltar i ordningen, og av rådgiverne hos Statsforvalteren." },
  {
    path: /^\/ordninger\/[^/]+\/rediger$/,
    reason: "En ordning kan bare endres av redaktører for en kommune som deltar i ordningen, og av rådgiverne hos Statsforvalteren.",
  },
  { path: /^\/ordninger\/[^/]+\/lagret$/, reason: "Kvitteringen for en lagret endring er bare for rådgiverne hos Statsforvalteren." },
  { path: /^\/kommuner\/[^/]+\/import$/, reason: "Kartleggingsfilen for en kommune kan bare importeres av kommunens egne redaktører og av rådgiverne hos Statsforvalteren." },
];

/** The section's rule for a requested path (with or without its query), or null when no rule is known. */
export function forbiddenReason(requested: string | null | undefined): string | null {
  if (!requested) return null;
  let url: URL;
  try {
    url = new URL(requested, "http://lokal");
  } catch {
    return null;
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  const forslag = url.searchParams.has("forslag");
  for (const rule of RULES) {
    if (rule.forslag && !forslag) continue;
    if (rule.path.test(path)) return rule.reason;
  }
  return null;
}
