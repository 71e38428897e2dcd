import { rmSync } from 'node:fs';
import type { EmbeddedPostgres } from '../src/database/embedded';

export default async function globalTeardown() {
  const g = globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres; __EMBEDDED_DIR__?: string };
  await g.__EMBEDDED_PG__?.stop();
  if (g.__EMBEDDED_DIR__) rmSync(g.__EMBEDDED_DIR__, { recursive: true, force: true });
}
