import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A statement that runs on every request of a hot path, sent as a named (prepared) statement
 * straight through the pool's `pg`: each connection parses and plans it once, and TypeORM's query
 * runner is skipped. Only for plain reads outside a transaction; errors are pg's own (the error
 * formatter maps their codes as it maps TypeORM's).
 */
export async function preparedQuery<T extends QueryResultRow>(ds: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  // TypeORM's Postgres driver keeps its pg pool as `master`.
  const pool = (ds.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>({ name, text, values })).rows;
}
