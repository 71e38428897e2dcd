import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { AppModule } from './app.module';
import { loadSettings, Settings } from './config/config';
import { WorkerModule } from './worker.module';
import { LifecycleService } from './modules/health/lifecycle.service';

const LEVELS: Record<Settings['app']['logLevel'], LogLevel[]> = {
  error: ['error', 'fatal'],
  warn: ['error', 'fatal', 'warn'],
  log: ['error', 'fatal', 'warn', 'log'],
  debug: ['error', 'fatal', 'warn', 'log', 'debug'],
};

/**
 * Security headers from helmet: a content security policy the portal keeps to (its own scripts,
 * styles, images and API only; inline styles for the charts), no framing, no referrer beyond
 * the site, and HSTS with upgrades to HTTPS only where Lærenett is served over HTTPS.
 */
function securityHeaders(https: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The built portal: each file in the form the browser accepts, made at build time beside it
 * (brotli `.br` preferred, then gzip `.gz`, else the file itself), with `Vary: Accept-Encoding`
 * and the original's Content-Type. The files under /assets carry a hash of their content in
 * their names, so they are kept for a year; everything else (index.html above all, which names
 * the current assets) is checked again on every use.
 */
function servePortal(app: NestExpressApplication, dir: string, production: boolean) {
  const assets = join(dir, 'assets') + sep;
  const cacheControl = (res: ServerResponse, path: string) =>
    res.setHeader('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
  // The portal's source maps are for its developers, not for the public.
  if (production) {
    app.use((req: express.Request, res: express.Response, next: () => void) =>
      req.path.endsWith('.map') ? res.status(404).end() : next(),
    );
  }
  // serve-static resolves each path against `root`, so an install under a dot-folder (~/.cache/…)
  // is served: Express's dotfiles rule applies only to the part of the path below the root.
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, cacheControl: false, setHeaders: cacheControl },
  });
  app.use(files);
  // Client-side routes: everything that is not the API gets the portal's index.html, compressed likewise.
  app.use((req: express.Request, res: express.Response, next: (err?: unknown) => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/graphql')) return next();
    // A file of a build that is gone (a page opened before an update) is missing, not a page: a
    // 404 lets the portal load itself afresh, where index.html would fail as a script.
    if (req.path.startsWith('/assets/')) {
      res.status(404).setHeader('Cache-Control', 'no-store');
      res.type('text/plain').send('Not found');
      return;
    }
    const url = req.url;
    req.url = '/index.html';
    files(req, res, (err?: unknown) => {
      req.url = url;
      next(err);
    });
  });
}

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApiApp(): Promise<INestApplication> {
  const settings = loadSettings();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), {
    logger: LEVELS[settings.app.logLevel],
    bodyParser: true,
  });
  // Whose X-Forwarded-For to believe: the client's address keys the sign-in limits.
  app.set('trust proxy', settings.app.trustProxy);
  app.disable('x-powered-by');
  app.use(cookieParser());
  app.use(securityHeaders(settings.app.publicUrl.startsWith('https:')));
  // While draining, every response asks the client to close its connection and come back elsewhere.
  const lifecycle = app.get(LifecycleService);
  app.use((_req: express.Request, res: express.Response, next: () => void) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  if (settings.app.portalDir && existsSync(join(settings.app.portalDir, 'index.html')))
    servePortal(app, resolve(settings.app.portalDir), settings.app.env === 'production');
  // Signals are handled by main.ts (a drained stop), not by Nest's immediate shutdown hooks.
  return app;
}

export async function createWorkerApp() {
  const settings = loadSettings();
  // Signals are handled by worker.ts: it closes the application (workers finish their jobs) and exits.
  return NestFactory.createApplicationContext(WorkerModule.register(), { logger: LEVELS[settings.app.logLevel] });
}

/** Runs `stop` once, on the first SIGTERM or SIGINT, then exits: 0 when it went well. */
export function onStopSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e instanceof Error ? e.message : e);
          process.exit(1);
        },
      );
    });
  }
}
