/**
 * A worker killed in the middle of compiling the December summary leaves no half-built version,
 * and once a worker is back the compilation completes as exactly one version. The worker is the
 * built `worker.js` in its own process, killed with SIGKILL mid-way through the agencies.
 */
import { seedNational } from '../src/database/seeds/national';
import { gqlOk } from './gathering-helpers';
import { Client, eventually, Stack, startStack, USERS, WorkerProcess } from './harness';

const YEAR = 2026;

describe('a worker killed mid-compile', () => {
  let stack: Stack;
  let worker: WorkerProcess;
  const startWorker = (pauseMs: number) => worker.start({ SUMMARY_COMPILE_PAUSE_MS: String(pauseMs) });

  beforeAll(async () => {
    worker = new WorkerProcess();
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    await worker?.kill();
    await stack?.stop();
  });

  it('leaves no half-built version, and completes as exactly one version after a restart', async () => {
    const { areaIds } = await seedNational(stack.ds, { agencies: 200, apprentices: 3000, years: 2, areas: 1, year: YEAR });
    const area = areaIds[0];
    const admin = await new Client(stack.url).signIn(USERS.admin);
    // 200 agencies with a pause of 25 ms each: the agencies' step takes about 5 seconds.
    startWorker(25);
    const c = (await gqlOk(admin, `mutation($a: ID) { compileSummary(areaId: $a, year: ${YEAR}) { id } }`, { a: area })).compileSummary;
    const row = async () =>
      (
        (await stack.ds.query(`SELECT status, step, done, total, attempts, version_id FROM summary_compilation WHERE id = $1`, [c.id])) as {
          status: string;
          step: string;
          done: number;
          total: number;
          attempts: number;
          version_id: string | null;
        }[]
      )[0];
    const mid = await eventually(row, (r) => r.step === 'agencies' && r.done >= 30, 60_000);
    expect(mid.done).toBeGreaterThanOrEqual(30);
    await worker.kill();

    const killed = await row();
    expect(killed.status).toBe('RUNNING');
    expect(killed.done).toBeLessThan(200);
    expect(await stack.ds.query(`SELECT id FROM summary_version WHERE area_id = $1`, [area])).toHaveLength(0);

    // The job the killed worker held is taken up again once its lock runs out (the stalled-job check).
    startWorker(0);
    const done = await eventually(row, (r) => r.status === 'COMPLETE' || r.status === 'FAILED', 120_000);
    expect(done.status).toBe('COMPLETE');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const versions: { id: string; version: number; compilation_id: string; agencies: number }[] = await stack.ds.query(
      `SELECT id, version, compilation_id, jsonb_array_length(data -> 'agencies') AS agencies FROM summary_version WHERE area_id = $1 AND year = $2`,
      [area, YEAR],
    );
    expect(versions).toEqual([{ id: done.version_id, version: 1, compilation_id: c.id, agencies: 200 }]);
    // Whole: both PDFs and the workbook are there.
    const [files] = await stack.ds.query(
      `SELECT length(pdf_nb) > 1000 AS nb, length(pdf_en) > 1000 AS en, length(xlsx) > 1000 AS xlsx FROM summary_version WHERE id = $1`,
      [done.version_id],
    );
    expect(files).toEqual({ nb: true, en: true, xlsx: true });
  }, 240_000);
});
