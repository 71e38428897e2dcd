import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { loadSettings, Settings } from './config/config';
import { WorkerModule } from './worker.module';

const LEVELS: Record<Settings['app']['logLevel'], LogLevel[]> = {
  error: ['error', 'fatal'],
  warn: ['error', 'fatal', 'warn'],
  log: ['error', 'fatal', 'warn', 'log'],
  debug: ['error', 'fatal', 'warn', 'log', 'debug'],
};

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApiApp(): Promise<INestApplication> {
  const settings = loadSettings();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), { logger: LEVELS[settings.app.logLevel], bodyParser: true });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(cookieParser());
  app.use((_req: unknown, res: express.Response, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  if (settings.app.portalDir && existsSync(join(settings.app.portalDir, 'index.html'))) {
    const dir = resolve(settings.app.portalDir);
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes: everything that is not the API gets the portal's index.html.
    app.use((req: express.Request, res: express.Response, next: () => void) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/graphql')) return next();
      // Relative to `root`: an absolute path is refused whole when any folder in it starts with
      // a dot (Express's dotfiles rule), so an install under ~/.cache would answer 404.
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile('index.html', { root: dir });
    });
  }
  app.enableShutdownHooks();
  return app;
}

export async function createWorkerApp() {
  const settings = loadSettings();
  const app = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: LEVELS[settings.app.logLevel] });
  app.enableShutdownHooks();
  return app;
}
