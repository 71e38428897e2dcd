/**
 * Lærenett as a ministry runs it: two API processes and two workers (the built dist/apps/api)
 * against one Postgres and one Redis, behind a small balancer that sends requests only to APIs
 * whose readiness answers 200 and retries a refused connection once on another (as HAProxy does
 * in infra/). Shows: sessions work across APIs; each job scheduler exists once; a fan-out with a
 * worker killed half-way reaches everyone once; a rolling restart under steady load fails nothing.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import httpProxy from 'http-proxy';
import { addApprenticeUsers, gqlOk } from './gathering-helpers';
import { Client, Stack, startStack, USERS } from './harness';

const DIST = resolve(__dirname, '../../../dist/apps/api');
const BASE_PORT = 4100 + (process.pid % 300) * 3;

/** A balancer that honours readiness: polls each API's /api/health/ready and routes round-robin to the ready ones. */
class Balancer {
  readonly ready = new Set<number>();
  private readonly proxy = httpProxy.createProxyServer({ xfwd: true });
  private server!: Server;
  private timer!: NodeJS.Timeout;
  private next = 0;
  constructor(private readonly ports: number[]) {}

  private pick(except?: number): number | undefined {
    const live = this.ports.filter((p) => this.ready.has(p) && p !== except);
    return live.length ? live[this.next++ % live.length] : undefined;
  }

  async start(): Promise<string> {
    this.timer = setInterval(() => {
      for (const p of this.ports) {
        fetch(`http://127.0.0.1:${p}/api/health/ready`, { signal: AbortSignal.timeout(500) }).then(
          (r) => (r.ok ? this.ready.add(p) : this.ready.delete(p)),
          () => this.ready.delete(p),
        );
      }
    }, 100);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const send = (port: number | undefined, retry: boolean) => {
          if (port === undefined) return res.writeHead(503).end('no API is ready');
          this.proxy.web(req, res, { target: `http://127.0.0.1:${port}`, buffer: bufferStream(body) }, () => {
            // Refused (the API just closed): once more on another, as a balancer's retry would.
            if (retry && !res.headersSent) send(this.pick(port), false);
            else if (!res.headersSent) res.writeHead(502).end();
          });
        };
        send(this.pick(), true);
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    clearInterval(this.timer);
    this.proxy.close();
    await new Promise((r) => this.server.close(r));
  }
}

/** http-proxy reads the request body from `buffer` when the original stream was consumed (to retry). */
const bufferStream = (body: Buffer) => Readable.from([body]);

const exited = (p: ChildProcess) =>
  new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

describe('two APIs and two workers behind a balancer', () => {
  let stack: Stack;
  let balancer: Balancer;
  let url: string;
  const apiPorts = [BASE_PORT, BASE_PORT + 1];
  const apis = new Map<number, ChildProcess>();
  const workers: ChildProcess[] = [];
  const env = (extra: Record<string, string>) => ({ ...process.env, LOG_LEVEL: 'error', DRAIN_SECONDS: '2', ...extra });
  const startApi = (port: number) =>
    apis.set(port, spawn(process.execPath, [resolve(DIST, 'main.js')], { env: env({ PORT: String(port) }), stdio: 'inherit' }));
  const startWorker = () => workers.push(spawn(process.execPath, [resolve(DIST, 'worker.js')], { env: env({}), stdio: 'inherit' }));
  const waitReady = async (ports: number[]) => {
    for (let i = 0; i < 300 && !ports.every((p) => balancer.ready.has(p)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(ports.filter((p) => !balancer.ready.has(p))).toEqual([]);
  };

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    balancer = new Balancer(apiPorts);
    url = await balancer.start();
    apiPorts.forEach(startApi);
    startWorker();
    startWorker();
    await waitReady(apiPorts);
  }, 120_000);

  afterAll(async () => {
    for (const p of [...apis.values(), ...workers]) if (p.exitCode === null) p.kill('SIGKILL');
    await balancer?.stop();
    await stack?.stop();
  });

  it('keeps a session across APIs, and a sign-out on one ends it on the other', async () => {
    const c = await new Client(url).signIn(USERS.ministry);
    const me = (port: number) => new Client(`http://127.0.0.1:${port}`).withCookie(c.cookie).gql(`{ me { email } }`);
    for (const p of apiPorts) expect((await me(p)).data?.['me']).toEqual({ email: USERS.ministry });
    await new Client(`http://127.0.0.1:${apiPorts[0]}`).withCookie(c.cookie).gql(`mutation { signOut }`);
    expect((await me(apiPorts[1])).data?.['me']).toBeNull();
  });

  it('has each job scheduler once, however many workers started', async () => {
    const keys = (await Promise.all(['gatherings', 'action-plans', 'annual-summary'].map((q) => stack.queue(q).getJobSchedulers())))
      .flat()
      .map((s) => s.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('delivers a fan-out to every member once, with a worker killed half-way', async () => {
    const members = await addApprenticeUsers(stack.ds, 300, 'replica');
    const ministry = await new Client(url).signIn(USERS.ministry);
    const [g] = (
      await gqlOk(ministry, `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`, {
        i: {
          audience: 'APPRENTICE',
          title: 'To av alt',
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 1,
        },
      })
    ).createGatheringSeries;
    await gqlOk(ministry, `mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: g.id });
    await stack.smtp.waitFor(() => stack.smtp.mails.length >= 40, 60_000);
    workers[0].kill('SIGKILL');
    await exited(workers[0]);
    await stack.smtp.waitFor(() => members.every((e) => stack.smtp.to(e).length >= 1), 120_000);
    await new Promise((r) => setTimeout(r, 2_000));
    const per = members.map((e) => stack.smtp.to(e));
    expect(per.filter((m) => m.length === 0)).toHaveLength(0);
    // Whatever reached the server twice (the mail in flight at the kill) is the same message.
    expect(per.filter((m) => new Set(m.map((x) => x.messageId)).size > 1)).toHaveLength(0);
    expect(per.filter((m) => m.length > 1).length).toBeLessThanOrEqual(8);
  }, 180_000);

  it('restarts each API in turn under steady load without a failed request', async () => {
    const c = await new Client(url).signIn(USERS.digdir);
    const outcomes = { ok: 0, failed: [] as string[] };
    let loading = true;
    const load = async () => {
      while (loading) {
        try {
          const r = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: c.cookie },
            body: JSON.stringify({ query: '{ me { email } }' }),
          });
          const j = (await r.json()) as { data?: { me?: { email: string } } };
          if (r.status === 200 && j.data?.me?.email === USERS.digdir) outcomes.ok++;
          else outcomes.failed.push(`HTTP ${r.status}`);
        } catch (e) {
          outcomes.failed.push((e as Error).message);
        }
      }
    };
    const clients = Array.from({ length: 8 }, load);
    for (const port of apiPorts) {
      const old = apis.get(port)!;
      old.kill('SIGTERM');
      await exited(old);
      startApi(port);
      await waitReady(apiPorts);
    }
    await new Promise((r) => setTimeout(r, 500));
    loading = false;
    await Promise.all(clients);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(100);
  }, 120_000);
});
