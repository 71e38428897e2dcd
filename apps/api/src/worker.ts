import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorkerApp, onStopSignal } from './bootstrap';

async function main() {
  const logger = new Logger('Lærenett');
  const app = await createWorkerApp();
  logger.log('Worker started');
  // Started by the launcher (`npm start`): tell it the worker runs.
  process.send?.({ ready: 'worker' });
  // On SIGTERM: readiness turns 503, the workers stop taking jobs and finish the ones they run,
  // the relays stop, the pools close; then a clean exit.
  onStopSignal(async (signal) => {
    logger.log(`${signal}: finishing the jobs in hand, then stopping`);
    await app.close();
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
