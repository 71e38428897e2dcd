import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap';

createWorkerApp()
  .then(() => new Logger('Lærenett').log('Worker started'))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
