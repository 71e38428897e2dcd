/** Where the integration tests find Postgres, Redis; overridable for other machines. */
export const TEST_ADMIN_URL = process.env['TEST_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DB = process.env['TEST_DATABASE_NAME'] ?? 'laerenett_test';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** The URL of database `name` on the server of `adminUrl`. */
export const testDatabaseUrl = (name = TEST_DB, adminUrl = TEST_ADMIN_URL) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * Which queue backend the integration tests run on: `redis` (Redis and the Postgres server
 * above), or `embedded` — the embedded Postgres that `npm start` starts, with BullMQ's
 * PostgreSQL backend on it, as a new user runs Lærenett.
 */
export const TEST_BACKEND: 'redis' | 'embedded' = process.env['TEST_QUEUE_BACKEND'] === 'embedded' ? 'embedded' : 'redis';
