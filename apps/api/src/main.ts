import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';
import { loadSettings } from './config/config';

async function main() {
  const settings = loadSettings();
  const app = await createApiApp();
  await app.listen(settings.app.port, '0.0.0.0');
  new Logger('Lærenett').log(`API listening on ${settings.app.publicUrl} (GraphQL at /graphql)`);
  // Started by the launcher (`npm start`): tell it the API serves.
  process.send?.({ ready: 'api' });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
