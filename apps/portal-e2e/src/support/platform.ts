/**
 * Starts the platform the way the README does — `npm start` with no DATABASE_URL and no
 * REDIS_URL, so the launcher runs the embedded Postgres and the queue on it — from a copy of
 * the project under a dot-folder (as a clone in ~/.cache/… would be). The copy holds the
 * project's files and the current build; node_modules is hard-linked, so it costs seconds.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../../../..');
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3210);
export const E2E_SMTP_PORT = Number(process.env['E2E_SMTP_PORT'] ?? 2526);
// Below the kernel's ephemeral range (32768–60999): an outgoing connection holding the port would stop the server starting.
export const E2E_DB_PORT = Number(process.env['E2E_DB_PORT'] ?? 25330);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** What a clone has, less what `npm start` makes itself (the data folder) and version control. */
const LEFT_OUT = new Set(['.git', '.data', '.nx', 'tmp', 'coverage', 'node_modules']);

export interface Platform {
  launcher: ChildProcess;
  dir: string;
}

function copyProject(): string {
  const base = mkdtempSync(join(tmpdir(), 'laerenett-e2e-'));
  chmodSync(base, 0o755); // as a clone's folder would be: open to the postgres user the server runs as
  const dir = join(base, '.cache', 'laerenett');
  mkdirSync(dir, { recursive: true });
  const entries = readdirSync(root).filter((e) => !LEFT_OUT.has(e));
  // -a keeps the files' times, so the launcher finds the build current and does not rebuild.
  execFileSync('cp', ['-a', ...entries.map((e) => join(root, e)), dir]);
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}

export async function startPlatform(): Promise<Platform> {
  for (const f of ['dist/apps/api/main.js', 'dist/apps/portal/index.html']) {
    if (!existsSync(resolve(root, f))) throw new Error(`${f} is missing: build first (npx nx run-many -t build)`);
  }
  const dir = copyProject();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'NODE_ENV', 'PORTAL_DIR', 'LAERENETT_DATA_DIR', 'NODE_OPTIONS'])
    delete env[k];
  Object.assign(env, {
    PORT: String(E2E_PORT),
    PUBLIC_URL: BASE_URL,
    EMBEDDED_DB_PORT: String(E2E_DB_PORT),
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    LOG_LEVEL: 'warn',
    SIGN_IN_MAX_FAILURES: '50',
    // Slow enough per agency that the compilation's progress can be watched in the browser.
    SUMMARY_COMPILE_PAUSE_MS: '250',
  });
  // Its own process group, so that stopping it reaches npm, the launcher and its children.
  const launcher = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => {
      void stopPlatform({ launcher, dir });
      fail(new Error(`npm start did not say it was running within 180 s:\n${out}`));
    }, 180_000);
    launcher.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
      if (out.includes('Lærenett is running')) {
        clearTimeout(timer);
        ok();
      }
    });
    launcher.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}) before it was running:\n${out}`));
    });
  });
  if (/Building the API/.test(out)) {
    await stopPlatform({ launcher, dir });
    throw new Error('npm start rebuilt a build that was current');
  }
  // From here on, only what goes wrong is worth showing.
  launcher.stdout.removeAllListeners('data');
  launcher.stdout.on('data', (d: Buffer) => {
    if (/error|stopped/i.test(d.toString())) process.stdout.write(d);
  });
  return { launcher, dir };
}

export async function stopPlatform(p: Platform | undefined) {
  if (!p) return;
  const exited = new Promise((r) => p.launcher.once('exit', r));
  try {
    process.kill(-p.launcher.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  // The launcher stops the embedded Postgres as it exits; wait for the server to be gone.
  const pid = resolve(p.dir, '.data/postgres/postmaster.pid');
  for (let i = 0; i < 100 && existsSync(pid); i++) await new Promise((r) => setTimeout(r, 200));
  rmSync(resolve(p.dir, '../..'), { recursive: true, force: true });
}
