import pg from 'pg';

/**
 * The rows of one statement on its own connection: a test reading what a service stored. Rows are
 * `any` unless the caller names their type, as pg's own are: a test reads the columns its SQL selects.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's default row type; see above
export const queryRows = async <Row extends pg.QueryResultRow = any>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
};

/**
 * A fault PostgreSQL itself makes once: a row trigger on `table` that runs `action` (PL/pgSQL) on the
 * first row matching `condition`, counted by a sequence (a rolled-back transaction undoes any row
 * that would remember it). `run` executes one statement on the database; the answer drops it all.
 */
export const onceTrigger = async (
  run: (sql: string) => Promise<unknown>,
  spec: { readonly name: string; readonly event: 'BEFORE INSERT' | 'BEFORE UPDATE' | 'AFTER INSERT'; readonly table: string; readonly condition: string; readonly action: string },
): Promise<() => Promise<void>> => {
  const { name, event, table, condition, action } = spec;
  await run(`CREATE SEQUENCE ${name}`);
  await run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${condition} AND nextval('${name}') = 1 THEN
        ${action}
      END IF;
      RETURN NEW;
    END $$`);
  await run(`CREATE TRIGGER ${name} ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await run(`DROP TRIGGER ${name} ON ${table}`);
    await run(`DROP FUNCTION ${name}()`);
    await run(`DROP SEQUENCE ${name}`);
  };
};
