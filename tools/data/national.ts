/**
 * Generates the national-scale data set for benchmarks into DATABASE_URL (after migrating):
 *   npm run data:national -- [agencies=200] [apprentices=5000] [areas=agencies/10]
 * Deterministic: the same arguments give the same agencies, apprentices and five years of targets.
 * The generator itself lives with the API's seeds (apps/api/src/database/seeds/national.ts)
 * and runs through the built command line, so it uses the same entities and migrations.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const cli = resolve(__dirname, '../../dist/apps/api/cli.js');
const run = (args: string[]) =>
  new Promise<void>((ok, fail) =>
    spawn(process.execPath, [cli, ...args], { stdio: 'inherit' }).on('exit', (c) =>
      c === 0 ? ok() : fail(new Error(`${args[0]} exited ${c}`)),
    ),
  );

run(['migrate'])
  .then(() => run(['national', ...process.argv.slice(2)]))
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
