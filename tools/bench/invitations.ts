/**
 * Invitation benchmark: one gathering published to 10,000 members, its invitations fanned out
 * through the queue and the built worker to an SMTP server on loopback, against the reference in
 * the same run — raw pooled nodemailer (the application's own pool settings) sending the same
 * 10,000 mails to the same server, once before and once after the application's run.
 * Prints mails accepted per second for both and their ratio (aim ≥ 0.8), the time from publishing
 * to the first mail (aim ≤ 1 s), and the duplicates and misses (both must be 0).
 *   npm run bench:invitations [-- --members 10000 --workers 2 --backend redis|postgres --port 3388 --smtp-port 2588]
 * BENCH_REDIS_URL picks Redis (default redis://127.0.0.1:6379), BENCH_DATABASE the scratch database's name.
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import nodemailer from 'nodemailer';
import * as argon2 from 'argon2';
import { arg, root, run, scratchDatabase, waitForApi } from './support';
import type { SinkStats } from './smtp-sink';
import { SMTP_POOL } from '../../apps/api/src/modules/mail/smtp-pool';
import { gatheringMail } from '../../apps/api/src/modules/gatherings/templates/gathering-mails';
import { gatheringIcsForEach } from '../../apps/api/src/modules/gatherings/utils/ics.util';

const MEMBERS = arg('members', 10_000);
const WORKERS = arg('workers', 2);
const PORT = arg('port', 3388);
const SMTP_PORT = arg('smtp-port', 2588);
const BACKEND = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : 'redis';
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DB = process.env['BENCH_DATABASE'] ?? 'laerenett_bench_invitations';
const AIM_RATIO = 0.8;
const AIM_FIRST_S = 1;

/**
 * CPU time (user + system, seconds) of the machine's processes by kind, read from /proc: where a
 * phase's work went (this process is the reference's sender).
 */
function cpuByKind(): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 100; // USER_HZ
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const kind = cmd.includes('worker.js')
        ? 'workers'
        : cmd.includes('main.js')
          ? 'API'
          : cmd.startsWith('postgres')
            ? 'PostgreSQL'
            : cmd.includes('redis-server')
              ? 'Redis'
              : cmd.includes('smtp-sink')
                ? 'SMTP server'
                : Number(pid) === process.pid
                  ? 'reference sender'
                  : null;
      if (!kind) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(kind, (out.get(kind) ?? 0) + (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}
const cpuSince = (before: Map<string, number>) =>
  [...cpuByKind()]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');

/** The SMTP server in its own process; each phase counts afresh. */
class Sink {
  private readonly child: ChildProcess;
  private constructor(port: number) {
    this.child = fork(resolve(__dirname, 'smtp-sink.ts'), [String(port)], { execArgv: process.execArgv });
  }
  static async start(port: number): Promise<Sink> {
    const s = new Sink(port);
    await s.ask({ listening: true }, true);
    return s;
  }
  private ask<T>(msg: object, onlyWait = false): Promise<T> {
    return new Promise((ok) => {
      this.child.once('message', (m) => ok(m as T));
      if (!onlyWait) this.child.send(msg);
    });
  }
  phase(name: string) {
    return this.ask({ phase: name });
  }
  stats() {
    return this.ask<SinkStats>({ stats: { suffix: '@bench.example.no' } });
  }
  /** Waits until `expected` bench members have a mail, or nothing has come for `idleMs`. */
  async settle(expected: number, idleMs = 60_000): Promise<SinkStats> {
    let seen = -1;
    let stillSince = Date.now();
    for (;;) {
      const s = await this.stats();
      if (s.matching >= expected) break;
      if (s.total !== seen) {
        seen = s.total;
        stillSince = Date.now();
        process.stdout.write(`\r  ${s.matching} / ${expected} accepted`);
      } else if (Date.now() - stillSince > idleMs) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    process.stdout.write('\n');
    return this.stats();
  }
  stop() {
    this.child.disconnect();
  }
}

async function main() {
  const databaseUrl = await scratchDatabase(DB);
  const smtpUrl = `smtp://127.0.0.1:${SMTP_PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...(BACKEND === 'postgres' ? { QUEUE_BACKEND: 'postgres', REDIS_URL: '' } : { QUEUE_BACKEND: 'redis', REDIS_URL }),
    QUEUE_PREFIX: `bench-${Date.now()}`,
    SMTP_URL: smtpUrl,
    PORT: String(PORT),
    PUBLIC_URL: `http://localhost:${PORT}`,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
  };

  const sink = await Sink.start(SMTP_PORT);

  console.log(`Preparing ${MEMBERS} members …`);
  await run([resolve(root, 'dist/apps/api/cli.js'), 'migrate'], env);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const area = (await db.query(`INSERT INTO ministry_area (code, name) VALUES ('BENCH', 'Benkmerkeområdet') RETURNING id`)).rows[0]
    .id as string;
  await db.query(`INSERT INTO network (area_id, kind) VALUES ($1, 'STAFF'), ($1, 'APPRENTICE')`, [area]);
  const agency = (
    await db.query(
      `INSERT INTO agency (area_id, name, org_number, employees) VALUES ($1, 'Benkmerkeetaten', '974760673', 20000) RETURNING id`,
      [area],
    )
  ).rows[0].id as string;
  await db.query(
    `INSERT INTO app_user (email, name, role, area_id, agency_id) SELECT 'member' || i || '@bench.example.no', 'Medlem ' || i, 'APPRENTICE', $1, $2 FROM generate_series(1, $3::int) i`,
    [area, agency, MEMBERS],
  );
  await db.query(
    `INSERT INTO app_user (email, name, password_hash, role, area_id) VALUES ('lead@bench.example.no', 'Leder', $1, 'MINISTRY_COORDINATOR', $2)`,
    [await argon2.hash('bench-password-0000'), area],
  );

  // The reference: the same mails (the application's templates and calendar file, rendered
  // beforehand) through one pooled nodemailer transport with the application's pool settings.
  const startsAt = new Date('2030-01-08T09:00:00Z');
  const endsAt = new Date('2030-01-08T11:00:00Z');
  const calendar = gatheringIcsForEach(
    [
      {
        id: 'bench',
        sequence: 0,
        cancelled: false,
        title: 'Benkmerkesamling',
        description: '',
        location: '',
        url: 'http://localhost/samlinger/bench',
        startsAt,
        endsAt,
      },
    ],
    {
      method: 'REQUEST',
      organizer: { name: 'Leder', email: 'lead@bench.example.no' },
    },
  );
  const reference = Array.from({ length: MEMBERS }, (_, i) => {
    const to = `member${i + 1}@bench.example.no`;
    const name = `Medlem ${i + 1}`;
    const rendered = gatheringMail('nb', 'invite', {
      title: 'Benkmerkesamling',
      theme: '',
      agenda: '',
      startsAt,
      endsAt,
      place: '',
      videoUrl: '',
      name,
      yesUrl: `http://localhost/svar/${i}/ja`,
      noUrl: `http://localhost/svar/${i}/nei`,
    });
    return {
      to,
      ...rendered,
      messageId: `<raw-${i}@laerenett.no>`,
      icalEvent: { filename: 'invitasjon.ics', method: 'REQUEST', content: calendar({ name, email: to }) },
    };
  });
  const raw = async (label: string) => {
    await sink.phase(`raw ${label}`);
    console.log(`Raw pooled nodemailer (${label}) …`);
    const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_POOL });
    const cpu0 = cpuByKind();
    const t0 = Date.now();
    // A few hundred handed to the pool at a time keep every connection busy.
    let next = 0;
    const sender = async () => {
      while (next < reference.length)
        await transport.sendMail({
          from: 'Lærenett <noreply@laerenett.no>',
          headers: { 'X-Laerenett-Purpose': 'bench' },
          ...reference[next++],
        });
    };
    await Promise.all(Array.from({ length: 100 }, sender));
    const p = await sink.settle(MEMBERS, 10_000);
    transport.close();
    return { rate: p.total / ((p.last - t0) / 1000), total: p.total, seconds: (p.last - t0) / 1000, cpu: cpuSince(cpu0) };
  };

  const before = await raw('before');

  const procs: ChildProcess[] = [spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], { env, stdio: 'inherit' })];
  for (let w = 0; w < WORKERS; w++)
    procs.push(spawn(process.execPath, [resolve(root, 'dist/apps/api/worker.js')], { env, stdio: 'inherit' }));
  let app: {
    rate: number;
    total: number;
    seconds: number;
    first: number;
    duplicates: number;
    missing: number;
    cpu: string;
    statements: number;
    fanOut: number;
  };
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base).catch(() => waitForApi(base)); // a busy machine may take more than half a minute
    // The workers are up once they have put their schedulers on the queue; give them a moment.
    await new Promise((r) => setTimeout(r, 2000));
    const post = async (query: string, variables: Record<string, unknown>, cookie = '') => {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      });
      return {
        body: (await r.json()) as { data?: { createGatheringSeries: { id: string }[] }; errors?: unknown[] },
        cookie: (r.headers.get('set-cookie') ?? '').split(';')[0],
      };
    };
    const { cookie } = await post(`mutation($i: SignInInput!) { signIn(input: $i) { id } }`, {
      i: { email: 'lead@bench.example.no', password: 'bench-password-0000' },
    });
    const series = await post(
      `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`,
      {
        i: {
          audience: 'APPRENTICE',
          title: 'Benkmerkesamling',
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 1,
        },
      },
      cookie,
    );
    const gid = series.body.data?.createGatheringSeries[0]?.id;
    if (!gid) throw new Error(`Could not create the gathering: ${JSON.stringify(series.body.errors)}`);
    const expected = MEMBERS; // the apprentice network: every apprentice of the area
    console.log(
      `The application: publishing to ${expected} members (${WORKERS} worker processes, queue on ${BACKEND === 'postgres' ? 'PostgreSQL' : 'Redis'}) …`,
    );
    await sink.phase('application');
    const xacts = async () =>
      Number(
        (await db.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n,
      );
    const xact0 = await xacts();
    const cpu0 = cpuByKind();
    const t0 = Date.now();
    await post(`mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: gid }, cookie);
    await sink.settle(expected);
    const cpu = cpuSince(cpu0);
    // pg_stat_database is updated when a backend reports, at most every second or so.
    await new Promise((r) => setTimeout(r, 1500));
    const statements = (await xacts()) - xact0;
    const spread = (
      await db.query(
        `SELECT extract(epoch FROM max(created_at) - min(created_at)) AS recorded, extract(epoch FROM max(sent_at) - min(created_at)) AS sent
           FROM mail_message WHERE purpose LIKE 'gathering:%'`,
      )
    ).rows[0] as { recorded: number; sent: number };
    // Late copies (a duplicate) would come now.
    await new Promise((r) => setTimeout(r, 3000));
    const p = await sink.stats();
    app = {
      rate: p.total / ((p.last - t0) / 1000),
      total: p.total,
      seconds: (p.last - t0) / 1000,
      first: (p.first - t0) / 1000,
      duplicates: p.total - p.recipients,
      missing: expected - p.matching,
      cpu,
      statements,
      fanOut: Number(spread.recorded),
    };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = await raw('after');
  await db.end();
  sink.stop();

  const reference_ = (before.rate + after.rate) / 2;
  const ratio = app.rate / reference_;
  const ok = (b: boolean) => (b ? 'ok' : 'BELOW AIM');
  console.log(`
Invitation benchmark — ${MEMBERS} recipients, SMTP on loopback (one server, the same in every phase)
  raw pooled nodemailer, before:  ${before.total} mails in ${before.seconds.toFixed(1)} s = ${before.rate.toFixed(0)} mails/s
  raw pooled nodemailer, after:   ${after.total} mails in ${after.seconds.toFixed(1)} s = ${after.rate.toFixed(0)} mails/s
  Lærenett (publish → fan-out → mail jobs → SMTP; ${WORKERS} worker process(es), queue on ${BACKEND === 'postgres' ? 'PostgreSQL' : 'Redis'}):
                                  ${app.total} mails in ${app.seconds.toFixed(1)} s from publishing = ${app.rate.toFixed(0)} mails/s
                                  (the fan-out recorded them over ${app.fanOut.toFixed(1)} s)
  ratio to the reference (mean of both raw runs, ${reference_.toFixed(0)} mails/s): ${ratio.toFixed(2)}   aim ≥ ${AIM_RATIO}   ${ok(ratio >= AIM_RATIO)}
  first mail after publishing:    ${app.first.toFixed(2)} s   aim ≤ ${AIM_FIRST_S} s   ${ok(app.first <= AIM_FIRST_S)}
  duplicates: ${app.duplicates}   missing: ${app.missing}   (both must be 0)   ${ok(app.duplicates === 0 && app.missing === 0)}
  CPU time by process while sending:
    raw, before:  ${before.cpu}
    Lærenett:     ${app.cpu}; ${app.statements} database transactions (${(app.statements / MEMBERS).toFixed(2)} per mail)
    raw, after:   ${after.cpu}
`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
