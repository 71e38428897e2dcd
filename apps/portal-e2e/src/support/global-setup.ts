import { startPlatform } from './platform';

export default async function globalSetup() {
  const procs = await startPlatform();
  (globalThis as Record<string, unknown>)['__LAERENETT__'] = procs;
}
