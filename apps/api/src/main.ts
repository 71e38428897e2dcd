import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { createApiApp, onStopSignal } from './bootstrap';
import { loadSettings } from './config/config';
import { LifecycleService } from './modules/health/lifecycle.service';

async function main() {
  const settings = loadSettings();
  const logger = new Logger('Lærenett');
  const app = await createApiApp();
  await app.listen(settings.app.port, '0.0.0.0');
  logger.log(`API listening on ${settings.app.publicUrl} (GraphQL at /graphql)`);
  // Started by the launcher (`npm start`): tell it the API serves.
  process.send?.({ ready: 'api' });

  // A drained stop: readiness turns 503 at once (a balancer takes this process out), requests
  // are still served for DRAIN_SECONDS with `Connection: close` so clients move on, then the
  // server stops accepting, finishes what is in flight, and the pools close.
  onStopSignal(async (signal) => {
    app.get(LifecycleService).draining = true;
    logger.log(`${signal}: draining for ${settings.app.drainSeconds} s, then closing`);
    await new Promise((r) => setTimeout(r, settings.app.drainSeconds * 1000));
    (app.getHttpServer() as Server).closeIdleConnections();
    await app.close();
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
