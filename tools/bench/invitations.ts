/**
 * Invitation benchmark: publish one gathering to 10,000 members; the invitations go through the
 * queue (BullMQ on Redis) and the built worker to a local SMTP server. Prints mails accepted per
 * second, and the duplicates and misses (both must be 0).
 *   npm run bench:invitations [-- --members 10000 --workers 2]
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { arg, root, run, scratchDatabase, waitForApi } from './support';
import { SMTPServer } from 'smtp-server';
import * as argon2 from 'argon2';

const MEMBERS = arg('members', 10_000);
const WORKERS = arg('workers', 2);
const PORT = arg('port', 3388);
const SMTP_PORT = arg('smtp-port', 2588);
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DB = 'laerenett_bench_invitations';

async function main() {
  const databaseUrl = await scratchDatabase(DB);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: `bench-${Date.now()}`,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    PORT: String(PORT),
    PUBLIC_URL: `http://localhost:${PORT}`,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
  };

  // Every mail the server accepts, per recipient.
  const received = new Map<string, number>();
  let first = 0;
  let last = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
        last = Date.now();
        first ||= last;
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(SMTP_PORT, '127.0.0.1', r));

  console.log(`Preparing ${MEMBERS} members …`);
  await run([resolve(root, 'dist/apps/api/cli.js'), 'migrate'], env);
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const area = (await db.query(`INSERT INTO ministry_area (code, name) VALUES ('BENCH', 'Benkmerkeområdet') RETURNING id`)).rows[0].id as string;
  await db.query(`INSERT INTO network (area_id, kind) VALUES ($1, 'STAFF'), ($1, 'APPRENTICE')`, [area]);
  const agency = (await db.query(`INSERT INTO agency (area_id, name, org_number, employees) VALUES ($1, 'Benkmerkeetaten', '974760673', 20000) RETURNING id`, [area])).rows[0].id as string;
  await db.query(
    `INSERT INTO app_user (email, name, role, area_id, agency_id) SELECT 'member' || i || '@bench.example.no', 'Medlem ' || i, 'APPRENTICE', $1, $2 FROM generate_series(1, $3::int) i`,
    [area, agency, MEMBERS],
  );
  await db.query(`INSERT INTO app_user (email, name, password_hash, role, area_id) VALUES ('lead@bench.example.no', 'Leder', $1, 'MINISTRY_COORDINATOR', $2)`, [await argon2.hash('bench-password-0000'), area]);

  const procs: ChildProcess[] = [spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], { env, stdio: 'inherit' })];
  for (let w = 0; w < WORKERS; w++) procs.push(spawn(process.execPath, [resolve(root, 'dist/apps/api/worker.js')], { env, stdio: 'inherit' }));
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base);
    const post = async (query: string, variables: Record<string, unknown>, cookie = '') => {
      const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      return { body: (await r.json()) as { data?: any; errors?: unknown[] }, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] };
    };
    const { cookie } = await post(`mutation($i: SignInInput!) { signIn(input: $i) { id } }`, { i: { email: 'lead@bench.example.no', password: 'bench-password-0000' } });
    const series = await post(`mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`, { i: { audience: 'APPRENTICE', title: 'Benkmerkesamling', rrule: 'FREQ=MONTHLY;BYDAY=2TU', firstDate: '2030-01-01', startTime: '10:00', endTime: '12:00', horizonMonths: 1 } }, cookie);
    const gid = series.body.data.createGatheringSeries[0].id as string;
    const expected = MEMBERS; // the apprentice network: every apprentice of the area
    const t0 = Date.now();
    await post(`mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: gid }, cookie);
    let lastCount = -1;
    let stillSince = Date.now();
    while (received.size < expected) {
      await new Promise((r) => setTimeout(r, 500));
      if (received.size !== lastCount) {
        lastCount = received.size;
        stillSince = Date.now();
        process.stdout.write(`\r  ${received.size} / ${expected} accepted`);
      } else if (Date.now() - stillSince > 60_000) break;
    }
    await new Promise((r) => setTimeout(r, 3000));
    const total = [...received.values()].reduce((a, b) => a + b, 0);
    const duplicates = total - received.size;
    const missing = expected - received.size;
    const seconds = (last - t0) / 1000;
    console.log(`

Invitation benchmark — ${expected} recipients of one gathering, ${WORKERS} worker process(es), BullMQ on Redis, SMTP on loopback
  accepted by the SMTP server: ${total} mails in ${seconds.toFixed(1)} s from publishing (first after ${((first - t0) / 1000).toFixed(1)} s)
  throughput: ${(total / seconds).toFixed(0)} mails/s
  duplicates: ${duplicates}   (must be 0)
  missing:    ${missing}   (must be 0)
`);
    await db.end();
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    smtp.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
