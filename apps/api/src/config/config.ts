/**
 * The only place that reads process.env. Every setting is validated at boot; a bad value
 * stops the process with a message naming the variable.
 */
import { Injectable } from '@nestjs/common';

export type QueueBackend = 'redis' | 'postgres';

export interface AppSettings {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Where people reach the portal; used in links in e-mails. */
  publicUrl: string;
  /** Built portal to serve from the API, if present. */
  portalDir: string | null;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * Express's `trust proxy` — `loopback` (default), `false`, a number of hops, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  /** Seconds the API keeps serving after SIGTERM while its readiness says 503, so a balancer can take it out first. */
  drainSeconds: number;
  /** Port of the worker's own health endpoint (liveness and readiness for a supervisor); none when unset. */
  workerHealthPort: number | null;
  /** Whether GraphQL introspection is open (and errors suggest field names): off in production by default. */
  introspection: boolean;
  /** Uses of a GraphQL query document on graphql-js before it is compiled (graphql/executor.ts); 0 compiles at its first use. */
  graphqlCompileAfter: number;
  /** A pause after each agency while compiling the December summary (to watch progress in tests and demos); 0 in real use. */
  summaryCompilePauseMs: number;
}
export interface DatabaseSettings {
  url: string;
  poolSize: number;
}
export interface QueueSettings {
  backend: QueueBackend;
  redisUrl: string | null;
  /** Prefix (Redis) or schema (Postgres) that namespaces all queues. */
  prefix: string;
}
export interface MailSettings {
  /** smtp://user:pass@host:port; without it mail is written to the log (development only). */
  smtpUrl: string | null;
  from: string;
}
export interface AuthSettings {
  /** Secret for signing links (answer links, calendar feeds). At least 32 characters. */
  secret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  invitationTtlDays: number;
  /** Failed sign-ins allowed per e-mail address (and per client address) in the window. */
  signInMaxFailures: number;
  signInWindowMinutes: number;
}

export interface Settings {
  app: AppSettings;
  database: DatabaseSettings;
  queue: QueueSettings;
  mail: MailSettings;
  auth: AuthSettings;
}

type Env = Record<string, string | undefined>;

class ConfigError extends Error {}

function int(env: Env, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}
function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], def: T): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${key} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}
function url(env: Env, key: string, protocols: string[], required: boolean): string | null {
  const raw = env[key];
  if (raw === undefined || raw === '') {
    if (required) throw new ConfigError(`${key} is required`);
    return null;
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`${key} must be a URL (got "${raw}")`);
  }
  if (!protocols.includes(u.protocol)) throw new ConfigError(`${key} must start with ${protocols.join(' or ')}`);
  return raw;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '') return 'loopback';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  const ok = parts.every((p) => /^(loopback|linklocal|uniquelocal)$/.test(p) || /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(p));
  if (!ok) throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops, or addresses/CIDRs such as 10.0.0.0/8 (got "${raw}")`);
  return parts.join(',');
}

/** Only the automated tests sign with a secret known in advance; every installation has its own. */
const TEST_SECRET = 'laerenett-test-secret-used-by-the-tests-only';

/**
 * `command`: the command line (migrations, data), which signs nothing and so needs no AUTH_SECRET.
 */
export function loadSettings(env: Env = process.env, use: 'server' | 'command' = 'server'): Settings {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], false);
  if (!databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is required. Start the whole platform with `npm start` (it runs an embedded Postgres), or set DATABASE_URL=postgres://…',
    );
  }
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], false);
  const backend = oneOf(env, 'QUEUE_BACKEND', ['redis', 'postgres'] as const, redisUrl ? 'redis' : 'postgres');
  if (backend === 'redis' && !redisUrl) throw new ConfigError('QUEUE_BACKEND=redis needs REDIS_URL');
  const secret = env['AUTH_SECRET'] || (nodeEnv === 'test' ? TEST_SECRET : '');
  if (secret.length < 32 && use === 'server') {
    throw new ConfigError(
      'AUTH_SECRET must be set, at least 32 characters: it signs the links in e-mails. `npm start` makes one for the installation (in .data/auth-secret); elsewhere set it, e.g. to the output of `openssl rand -base64 36`.',
    );
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    app: {
      env: nodeEnv,
      port,
      publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:'], false) ?? `http://localhost:${port}`).replace(/\/$/, ''),
      portalDir: env['PORTAL_DIR'] || null,
      logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
      summaryCompilePauseMs: int(env, 'SUMMARY_COMPILE_PAUSE_MS', 0, 0, 5000),
      trustProxy: trustProxy(env['TRUST_PROXY']),
      drainSeconds: int(env, 'DRAIN_SECONDS', nodeEnv === 'production' ? 10 : 0, 0, 300),
      workerHealthPort: env['WORKER_HEALTH_PORT'] ? int(env, 'WORKER_HEALTH_PORT', 0, 1, 65535) : null,
      introspection:
        oneOf(env, 'GRAPHQL_INTROSPECTION', ['true', 'false'] as const, nodeEnv === 'production' ? 'false' : 'true') === 'true',
      graphqlCompileAfter: int(env, 'GRAPHQL_COMPILE_AFTER', 1, 0, 1_000_000),
    },
    database: { url: databaseUrl, poolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 100) },
    queue: {
      backend,
      redisUrl,
      prefix: env['QUEUE_PREFIX'] || 'laerenett',
    },
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'], false),
      from: env['MAIL_FROM'] || 'Lærenett <noreply@laerenett.no>',
    },
    auth: {
      secret,
      sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
      cookieSecure: (env['COOKIE_SECURE'] ?? (nodeEnv === 'production' ? 'true' : 'false')) === 'true',
      invitationTtlDays: int(env, 'INVITATION_TTL_DAYS', 14, 1, 90),
      signInMaxFailures: int(env, 'SIGN_IN_MAX_FAILURES', 5, 1, 1000),
      signInWindowMinutes: int(env, 'SIGN_IN_WINDOW_MINUTES', 15, 1, 1440),
    },
  };
}

/** Injectable view of the validated settings. */
@Injectable()
export class AppConfig implements Settings {
  app!: AppSettings;
  database!: DatabaseSettings;
  queue!: QueueSettings;
  mail!: MailSettings;
  auth!: AuthSettings;
  static from(settings: Settings): AppConfig {
    return Object.assign(new AppConfig(), settings);
  }
}

/** Settings the command-line tools read (the launcher, demo data). */
export function readEmbeddedSettings(env: Env = process.env) {
  return {
    databaseUrl: env['DATABASE_URL'] || null,
    redisUrl: env['REDIS_URL'] || null,
    dataDir: env['LAERENETT_DATA_DIR'] || '.data/postgres',
    authSecret: env['AUTH_SECRET'] || null,
    embeddedPort: int(env, 'EMBEDDED_DB_PORT', 54329, 1024, 65535),
    port: int(env, 'PORT', 3000, 0, 65535),
  };
}

/** The environment for a child process of the launcher: this one's, with overrides. */
export function childEnvironment(overrides: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn', ...process.env };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) env[k] = v;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
