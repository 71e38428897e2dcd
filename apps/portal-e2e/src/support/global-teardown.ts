import { Platform, stopPlatform } from './platform';

export default async function globalTeardown() {
  await stopPlatform((globalThis as Record<string, unknown>)['__LAERENETT__'] as Platform | undefined);
}
