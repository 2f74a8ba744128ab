/**
 * Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a modulus-11 check digit
 * computed with the weights 3 2 7 6 5 4 3 2 over the first eight. A remainder giving check digit 10
 * is never issued. No database access here: safe in client components.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** True for nine digits whose last digit is the modulus-11 check digit of the first eight. */
export function isValidOrgNr(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce<number>((acc, w, i) => acc + w * Number(value[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(value[8]);
}

/** The public page of the entity in Enhetsregisteret (Brønnøysundregistrene). */
export function enhetsregisteretUrl(orgNr: string): string {
  return `https://data.brreg.no/enhetsregisteret/oppslag/enheter/${encodeURIComponent(orgNr)}`;
}

/** "974 760 673": grouped in threes, as Brønnøysundregistrene write it. */
export function formatOrgNr(orgNr: string): string {
  return /^\d{9}$/.test(orgNr) ? `${orgNr.slice(0, 3)} ${orgNr.slice(3, 6)} ${orgNr.slice(6)}` : orgNr;
}
