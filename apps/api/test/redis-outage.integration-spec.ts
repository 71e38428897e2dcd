/**
 * The queue away: with its Redis stopped, a mutation that sends mail or queues work still commits
 * and answers at once; what it recorded goes out, exactly once, within seconds of Redis being
 * back (the transactional outbox and the worker's relay). The test runs a Redis of its own.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { addApprenticeUsers, gqlOk } from './gathering-helpers';
import { Client, eventually, ids, Stack, startStack, USERS } from './harness';

const PORT = 6400 + (process.pid % 500);

async function redisUp(): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((r) =>
      createConnection(PORT, '127.0.0.1')
        .once('connect', function (this: import('node:net').Socket) {
          this.end();
          r(true);
        })
        .once('error', () => r(false)),
    );
    if (ok) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}
async function redisDown(p: ChildProcess) {
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGKILL');
  await exited;
}

describe('with the queue away', () => {
  let stack: Stack;
  let redis: ChildProcess;

  beforeAll(async () => {
    redis = await redisUp();
    stack = await startStack({ redisUrl: `redis://127.0.0.1:${PORT}` });
  });
  afterAll(async () => {
    await stack?.stop();
    if (redis.exitCode === null) await redisDown(redis);
  });

  it('answers at once, and sends what it recorded exactly once within 10 s of the queue coming back', async () => {
    const ministry = await new Client(stack.url).signIn(USERS.ministry);
    const i = await ids(stack.ds);
    const members = await addApprenticeUsers(stack.ds, 12, 'outage');
    const [g] = (
      await gqlOk(ministry, `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`, {
        i: {
          audience: 'APPRENTICE',
          title: 'Mens køen er borte',
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 1,
        },
      })
    ).createGatheringSeries;

    await redisDown(redis);
    const timed = async (f: () => Promise<unknown>) => {
      const t = Date.now();
      await f();
      return Date.now() - t;
    };
    const inviteMs = await timed(() =>
      gqlOk(ministry, `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
        i: { email: 'outage@husbanken.no', name: 'Under utfall', role: 'AGENCY_COORDINATOR', agencyId: i.husbanken, language: 'nb' },
      }),
    );
    const publishMs = await timed(() => gqlOk(ministry, `mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: g.id }));
    expect(inviteMs).toBeLessThan(2_000);
    expect(publishMs).toBeLessThan(2_000);
    // Committed, with its mail recorded: nothing is lost while the queue is away.
    expect(await stack.ds.query(`SELECT status FROM mail_message WHERE recipient = 'outage@husbanken.no'`)).toEqual([{ status: 'QUEUED' }]);
    expect(await stack.ds.query(`SELECT status FROM gathering WHERE id = $1`, [g.id])).toEqual([{ status: 'PUBLISHED' }]);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(stack.smtp.mails).toHaveLength(0);

    redis = await redisUp();
    const back = Date.now();
    const everyone = ['outage@husbanken.no', ...members];
    await stack.smtp.waitFor(() => everyone.every((e) => stack.smtp.to(e).length >= 1), 10_000);
    const tookMs = Date.now() - back;
    await new Promise((r) => setTimeout(r, 2_000));
    expect(everyone.filter((e) => stack.smtp.to(e).length !== 1)).toEqual([]);
    expect(tookMs).toBeLessThan(10_000);
    const sent = async () =>
      (await stack.ds.query(`SELECT count(*)::int AS n FROM mail_message WHERE recipient = ANY($1) AND status = 'SENT'`, [everyone]))[0]
        .n as number;
    expect(await eventually(sent, (n) => n === everyone.length)).toBe(everyone.length);
  }, 60_000);
});
