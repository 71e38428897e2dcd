import { startPlatform } from './platform';

export default async function globalSetup() {
  (globalThis as Record<string, unknown>)['__LAERENETT__'] = await startPlatform();
}
