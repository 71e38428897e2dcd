/**
 * `npm run bench:load`: the built API under load, in production mode, on real Postgres and Redis.
 * autocannon keeps 100 connections busy for 60 s; each connection cycles through what the portal
 * itself sends (its own GraphQL documents, printed) as the people who use it — the ministry
 * coordinator (dashboard, gatherings, action plan, networks), an agency coordinator (agency page,
 * gatherings), an apprentice (gatherings, their pool page) — and a light mutation (a network
 * setting). Prints requests per second, latency percentiles and every error.
 *   npm run bench:load [-- --connections 100 --seconds 60 --profile]
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { print } from 'graphql';
import { Client } from 'pg';
import {
  ActionPlanDocument,
  AgencyPageDocument,
  DashboardDocument,
  GatheringsDocument,
  MeDocument,
  MyPoolDocument,
  NetworksDocument,
} from '../../libs/portal/data-access/src/generated/graphql';
import { arg, root, demoDatabase, waitForApi } from './support';
import { summarise } from './profile/summary';

const CONNECTIONS = arg('connections', 100);
const SECONDS = arg('seconds', 60);
const PORT = arg('port', 3378);

async function main() {
  console.log('Migrating and loading the demo data …');
  const { databaseUrl, env: common } = await demoDatabase('laerenett_load', PORT);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const one = async (sql: string) => ((await db.query(sql)).rows[0] as { id: string }).id;
  const digdir = await one(`SELECT id FROM agency WHERE name = 'Digitaliseringsdirektoratet'`);
  const staffNetwork = await one(
    `SELECT n.id FROM network n JOIN ministry_area a ON a.id = n.area_id WHERE a.code = 'KDD' AND n.kind = 'STAFF'`,
  );
  await db.query('ANALYZE');
  await db.end();

  const env = {
    ...common,
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
    SIGN_IN_MAX_FAILURES: '1000',
  };
  // --profile samples the API's CPU while under load and writes tmp/profile/api.cpuprofile (open it in
  // Chrome's DevTools); a summary is printed.
  const profiled = process.argv.includes('--profile');
  const main = resolve(root, 'dist/apps/api/main.js');
  const profileFile = resolve(root, 'tmp/profile/api.cpuprofile');
  if (profiled) mkdirSync(dirname(profileFile), { recursive: true });
  const api: ChildProcess = profiled
    ? spawn(process.execPath, [resolve(__dirname, 'profile/cpu-profile.cjs')], {
        env: { ...env, PROFILE_MAIN: main, PROFILE_OUT: profileFile },
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, [main], { env, stdio: 'inherit' });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base);
    const signIn = async (email: string) => {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "${email}", password: "laerenett-demo" }) { id } }` }),
      });
      return (r.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const ministry = await signIn('kari.nordmann@kdd.dep.no');
    const agency = await signIn('ola.hansen@digdir.no');
    const apprentice = await signIn('emma.larsen@digdir.no');
    const op = (who: string, cookie: string, doc: unknown, variables: Record<string, unknown> = {}) => ({
      who,
      cookie,
      body: JSON.stringify({ query: print(doc as never), variables }),
    });
    const ops = [
      op('ministry', ministry, MeDocument),
      op('ministry', ministry, DashboardDocument),
      op('ministry', ministry, GatheringsDocument),
      op('ministry', ministry, ActionPlanDocument),
      op('ministry', ministry, NetworksDocument),
      op('agency', agency, MeDocument),
      op('agency', agency, AgencyPageDocument, { id: digdir }),
      op('agency', agency, GatheringsDocument),
      op('apprentice', apprentice, MeDocument),
      op('apprentice', apprentice, GatheringsDocument),
      op('apprentice', apprentice, MyPoolDocument),
      {
        who: 'ministry',
        cookie: ministry,
        body: JSON.stringify({
          query: `mutation($i: NetworkSettingsInput!) { setNetworkSettings(input: $i) { id reminderDays } }`,
          variables: { i: { networkId: staffNetwork, reminderDays: 3 } },
        }),
      },
    ];
    // Each must work before it is measured.
    for (const o of ops) {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: o.cookie },
        body: o.body,
      });
      const j = (await r.json()) as { errors?: { message: string }[] };
      if (!r.ok || j.errors) throw new Error(`${o.who} ${o.body.slice(0, 60)}: ${r.status} ${JSON.stringify(j.errors)}`);
    }
    console.log(
      `\n${CONNECTIONS} connections for ${SECONDS} s, ${ops.length} operations in turn (the portal's own documents as three roles, one mutation) …`,
    );
    const result = await autocannon({
      url: `${base}/graphql`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: ops.map((o) => ({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', cookie: o.cookie },
        body: o.body,
      })),
    });
    if (profiled) {
      const written = new Promise((r) => api.on('message', (m: { profiled?: boolean }) => m.profiled !== undefined && r(m)));
      api.kill('SIGUSR2');
      await written;
      console.log(`\n${summarise(profileFile)}\n(the whole profile: ${profileFile})`);
    }
    const l = result.latency;
    console.log(`
requests/s   mean ${result.requests.average.toFixed(0)}, total ${result.requests.total}
latency      p50 ${l.p50} ms · p90 ${l.p90} ms · p97.5 ${l.p97_5} ms · p99 ${l.p99} ms · max ${l.max} ms
errors       ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}
aim          p99 under 250 ms with 0 errors`);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
