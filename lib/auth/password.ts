import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are hashed with argon2id (the library's default algorithm; OWASP's minimum parameters:
 * 19 MiB memory, 2 passes). Relative imports only: scripts/start.ts and scripts/user-create.ts use it.
 */
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash of a random password: verified against when the account does not exist, so a
 * wrong e-mail takes as long as a wrong password (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`ikke-en-bruker-${Math.random()}`);
  return dummyHash;
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (password.length > 200) return "Passordet kan ha høyst 200 tegn.";
  return null;
}
