import pg from "pg";

/**
 * A normalised description of a PostgreSQL schema (public namespace, Prisma's bookkeeping table
 * excluded): every table column with type, nullability and default; primary, unique and foreign keys
 * with their actions; indexes; enums with their labels in order.
 */
export interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
  enums: string[];
}

export async function snapshotSchema(databaseUrl: string): Promise<SchemaSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ line: string }>(`
      SELECT format('%s.%s %s%s%s %s default=%s', c.table_name, c.column_name, c.udt_name,
               coalesce('(' || c.character_maximum_length || ')', ''),
               CASE WHEN c.data_type = 'numeric' THEN coalesce('(' || c.numeric_precision || ',' || c.numeric_scale || ')', '') ELSE '' END,
               CASE WHEN c.is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END,
               coalesce(regexp_replace(c.column_default, '_seq''::regclass', '_seq''::regclass'), '-')) AS line
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`);
    const constraints = await client.query<{ line: string }>(`
      SELECT format('%s %s %s %s', rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)) AS line
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = rel.relnamespace
      WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations' AND con.contype IN ('p', 'u', 'f', 'c', 'x')`);
    const indexes = await client.query<{ line: string }>(`
      SELECT format('%s %s', tablename, indexdef) AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const enums = await client.query<{ line: string }>(`
      SELECT format('%s: %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const sorted = (r: { rows: { line: string }[] }) => r.rows.map((row) => row.line).sort();
    return { columns: sorted(columns), constraints: sorted(constraints), indexes: sorted(indexes), enums: sorted(enums) };
  } finally {
    await client.end();
  }
}

/** Human-readable differences between two snapshots; empty when they agree. */
export function compareSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot): string[] {
  const differences: string[] = [];
  for (const key of ["columns", "constraints", "indexes", "enums"] as const) {
    const have = new Set(actual[key]);
    const want = new Set(expected[key]);
    for (const line of want) if (!have.has(line)) differences.push(`${key}: mangler i migrert database: ${line}`);
    for (const line of have) if (!want.has(line)) differences.push(`${key}: finnes bare i migrert database: ${line}`);
  }
  return differences;
}
