import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A trusted table alias written in our own code (never user input), quoted for SQL. Anything else
 * is a programming error.
 */
export function ident(alias: string): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Ugyldig tabellalias: ${alias}`);
  return Prisma.raw(`"${alias}"`);
}

/** Norwegian alphabetical order (Æ, Ø, Å last) for ORDER BY on names. */
export const NORWEGIAN_COLLATION = Prisma.raw(`COLLATE "nb-NO-x-icu"`);
