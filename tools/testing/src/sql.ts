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
