import type { EntityManager } from 'typeorm';

/**
 * Several reads at once: side by side on the pool, or one after another on a transaction's one
 * connection (pg queues queries sent together on one client, warns that it is deprecated, and
 * pg 9 will refuse them).
 */
export async function readAll<T extends readonly unknown[]>(
  m: EntityManager,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!m.queryRunner) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}
