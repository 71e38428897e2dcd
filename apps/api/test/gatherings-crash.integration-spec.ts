/**
 * A worker killed in the middle of sending invitations and started again sends no duplicates
 * and misses no one. The worker is the built `worker.js` in its own process, killed with SIGKILL.
 */
import { addApprenticeUsers, gqlOk } from './gathering-helpers';
import { Client, eventually, Stack, startStack, USERS, WorkerProcess } from './harness';

const N = 300;

describe('a worker killed mid-sending', () => {
  let stack: Stack;
  let worker: WorkerProcess;

  beforeAll(async () => {
    worker = new WorkerProcess();
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    await worker?.kill();
    await stack?.stop();
  });

  it('sends exactly one invitation to each of 300 members after a kill and a restart', async () => {
    const members = await addApprenticeUsers(stack.ds, N, 'crash');
    const ministry = await new Client(stack.url).signIn(USERS.ministry);
    const g = (
      await gqlOk(ministry, `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`, {
        i: {
          audience: 'APPRENTICE',
          title: 'Krasjtest',
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 1,
        },
      })
    ).createGatheringSeries[0];
    await gqlOk(ministry, `mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: g.id });

    worker.start();
    await stack.smtp.waitFor(() => stack.smtp.mails.length >= 40, 60_000);
    await worker.kill();
    const atKill = stack.smtp.mails.length;
    expect(atKill).toBeLessThan(N);

    worker.start();
    const everyone = [...members, 'emma.larsen@digdir.no', 'ola.hansen@digdir.no']; // and Ola Hansen, the network's lead
    // A job held by a killed worker is picked up again once its lock expires (stalled-job check).
    await stack.smtp.waitFor(() => everyone.every((e) => stack.smtp.to(e).length >= 1), 120_000);
    await new Promise((r) => setTimeout(r, 2000));

    const perRecipient = everyone.map((e) => stack.smtp.to(e));
    // No one is missed.
    expect(perRecipient.filter((m) => m.length === 0)).toHaveLength(0);
    // No one gets two different invitations: every copy a person got is the same message (one Message-ID).
    expect(perRecipient.filter((m) => new Set(m.map((x) => x.messageId)).size > 1)).toHaveLength(0);
    // At most the one mail in flight at the moment of the kill can have reached the server twice.
    const deliveredTwice = perRecipient.filter((m) => m.length > 1).length;
    console.log(`Killed after ${atKill} of ${everyone.length} mails; ${deliveredTwice} reached the server twice (same Message-ID).`);
    expect(deliveredTwice).toBeLessThanOrEqual(8);
    const sentCount = async () =>
      (
        (await stack.ds.query(`SELECT count(*)::int AS n FROM mail_message WHERE purpose LIKE $1 AND status = 'SENT'`, [
          `gathering:${g.id}:%`,
        ])) as { n: number }[]
      )[0].n;
    expect(await eventually(sentCount, (n) => n >= everyone.length)).toBe(everyone.length);
  }, 240_000);
});
