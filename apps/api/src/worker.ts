import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap';

createWorkerApp()
  .then(() => {
    new Logger('Lærenett').log('Worker started');
    // Started by the launcher (`npm start`): tell it the worker runs.
    process.send?.({ ready: 'worker' });
  })
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
