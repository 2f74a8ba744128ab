import "server-only";
import pg from "pg";
import { hashPassword, verifyPassword } from "./password.ts";

/**
 * Demo accounts, one per role, created only on the embedded database (the `npm start` default) so a
 * newcomer can try every role. Their passwords are public (printed at start and written here), so
 * with an external DATABASE_URL start refuses to run while any active user still has one of them.
 */
export interface DemoAccount {
  email: string;
  name: string;
  role: "ADMIN" | "STATSFORVALTER" | "KOMMUNE";
  password: string;
  municipalities: string[];
  label: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@demo.samarbeidsregisteret.no", name: "Demo Administrator", role: "ADMIN", password: "demo-admin-passord", municipalities: [], label: "administrator" },
  { email: "radgiver@demo.samarbeidsregisteret.no", name: "Demo Rådgiver", role: "STATSFORVALTER", password: "demo-radgiver-passord", municipalities: [], label: "rådgiver hos Statsforvalteren" },
  { email: "al@demo.samarbeidsregisteret.no", name: "Demo Redaktør Ål", role: "KOMMUNE", password: "demo-al-passord", municipalities: ["al"], label: "redaktør for Ål kommune" },
  {
    email: "drammen@demo.samarbeidsregisteret.no",
    name: "Demo Redaktør Drammen",
    role: "KOMMUNE",
    password: "demo-drammen-passord",
    municipalities: ["drammen"],
    label: "redaktør for Drammen kommune",
  },
];

export const DEMO_PASSWORDS = DEMO_ACCOUNTS.map((a) => a.password);

/** Creates the demo accounts that are missing (idempotent; existing accounts are left as they are). */
export async function ensureDemoAccounts(databaseUrl: string): Promise<{ created: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const created: string[] = [];
  try {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await client.query(`SELECT id FROM "User" WHERE email = $1`, [account.email]);
      if (existing.rowCount) continue;
      const passwordHash = await hashPassword(account.password);
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: number }>(`INSERT INTO "User" (email, name, "passwordHash", role, active, "updatedAt") VALUES ($1, $2, $3, $4, true, now()) RETURNING id`, [
        account.email,
        account.name,
        passwordHash,
        account.role,
      ]);
      const userId = rows[0]!.id;
      for (const slug of account.municipalities) {
        await client.query(`INSERT INTO "UserMunicipality" ("userId", "municipalityId") SELECT $1, id FROM "Municipality" WHERE slug = $2`, [userId, slug]);
      }
      await client.query(`INSERT INTO "AuditEvent" ("userId", role, "targetUserId", action, summary, after) VALUES (NULL, NULL, $1, 'createUser', $2, $3)`, [
        userId,
        `Demokonto opprettet: ${account.email}`,
        JSON.stringify({ email: account.email, name: account.name, role: account.role, municipalities: account.municipalities }),
      ]);
      await client.query("COMMIT");
      created.push(account.email);
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { created };
}

/** E-mail addresses of active users whose password is one of the public demo passwords. */
export async function activeUsersWithDemoPassword(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string; passwordHash: string }>(`SELECT email, "passwordHash" FROM "User" WHERE active AND "passwordHash" IS NOT NULL ORDER BY email`);
    const found: string[] = [];
    for (const row of rows) {
      for (const password of DEMO_PASSWORDS) {
        if (await verifyPassword(row.passwordHash, password)) {
          found.push(row.email);
          break;
        }
      }
    }
    return found;
  } finally {
    await client.end();
  }
}
