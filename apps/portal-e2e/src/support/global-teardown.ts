import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown() {
  const procs = ((globalThis as Record<string, unknown>)['__LAERENETT__'] ?? []) as ChildProcess[];
  for (const p of procs) p.kill('SIGTERM');
}
