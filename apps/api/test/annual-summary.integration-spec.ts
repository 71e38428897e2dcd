/**
 * The December summary against real Postgres, Redis and an SMTP sink: the year's dates, the
 * agencies' reports, the daily sweep on a moved clock, compiling (figures against independent
 * SQL, the PDF's text, the workbook read back; the apprenticeships' figures and the follow-up
 * counts as their modules publish them) and sending once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { osloInstant, PILOT_GATHERING_CRITERIA } from '@laerenett/shared-domain';
import { CLOCK } from '../src/common/clock';
import { seedNational } from '../src/database/seeds/national';
import { ANNUAL_SUMMARY_QUEUE, SWEEP_JOB, SWEEP_SCHEDULER } from '../src/modules/annual-summary/jobs/annual-summary.job';
import { gqlOk } from './gathering-helpers';
import { Client, code, eventually, ids, Stack, startStack, USERS } from './harness';

const YEAR = 2026;
const at = (day: string, time = '09:00') => CLOCK.set(osloInstant(day, time));

const REPORT = `{ id agencyId agencyName year status editable canReopen deadline yearInReview whatWorked challenges nextYearTradeIds targetNextYear submittedAt submittedLate
  figures { snapshot snapshotLastYear now target threshold ruleApplies meetsRule trades { name now snapshot } gatherings { title people } poolEvents { title hours } poolHours competenceApprentices { name subject } } }`;
const SAVE = `mutation($i: SaveAgencyReportInput!) { saveAgencyReport(input: $i) ${REPORT} }`;
const SUBMIT = `mutation($a: ID, $y: Int!) { submitAgencyReport(agencyId: $a, year: $y) ${REPORT} }`;
const COMPILE = `mutation($a: ID, $y: Int) { compileSummary(areaId: $a, year: $y) { id status step percent versionId } }`;
const CELL = `{ count disclosure }`;
const FIGURE_TABLE = `{ columns rows { key cells ${CELL} total ${CELL} } columnTotals ${CELL} total ${CELL} }`;
const APPRENTICESHIP_FIGURES = `{ areaId year asOf agencies { agencyId agencyName underContract assessmentsOnTime openInterruptions tradeTestsPassed completions }
  total { agencyId agencyName underContract assessmentsOnTime openInterruptions tradeTestsPassed completions } }`;
const FOLLOW_UP_FIGURES = `{ areaId year asOf openCases ${CELL} terminations ${FIGURE_TABLE} afterwards ${FIGURE_TABLE} outcomes ${FIGURE_TABLE} }`;
const VERSION_FIGURES = `query($id: ID!) { summaryVersion(id: $id) { id content { apprenticeship ${APPRENTICESHIP_FIGURES} followUp ${FOLLOW_UP_FIGURES} } } }`;
const COMPILATION = `query($id: ID!) { summaryCompilation(id: $id) { id status step done total percent versionId error } }`;
const VERSION = `query($id: ID!) { summaryVersion(id: $id) { id version year sentAt recipients delivered totals { apprenticesSnapshot apprenticesSnapshotLastYear apprenticesNow targetSum agenciesBreakingRule agenciesRuleApplies gatheringsHeld gatheringParticipants poolEvents poolHours poolShifts competenceApprentices agenciesReported reportsExpected trades targetNextYearSum }
  content { areaName agencies { agencyId name snapshot snapshotLastYear now target reported targetNextYear } trades { nameNb snapshot } narratives { agencyName yearInReview } missing criteria { label status value required } } } }`;

describe('the December summary', () => {
  let stack: Stack;
  let ministry: Client;
  let digdir: Client;
  let statsbygg: Client;
  let admin: Client;
  let id: Awaited<ReturnType<typeof ids>>;
  let queue: Queue;

  const sweepOn = async (day: string) => {
    at(day, '08:00');
    const job = await queue.add(SWEEP_JOB, {}, { jobId: `test-sweep-${day}` });
    const state = await eventually(
      () => job.getState(),
      (s) => s === 'completed' || s === 'failed',
    );
    expect(state).toBe('completed');
  };
  const mailsFor = async (prefix: string) =>
    (await stack.ds.query(`SELECT purpose, recipient, subject FROM mail_message WHERE purpose LIKE $1 ORDER BY purpose, recipient`, [
      `${prefix}%`,
    ])) as { purpose: string; recipient: string; subject: string }[];

  beforeAll(async () => {
    stack = await startStack();
    id = await ids(stack.ds);
    queue = stack.api.get<Queue>(getQueueToken(ANNUAL_SUMMARY_QUEUE));
    at(`${YEAR}-11-25`);
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    digdir = await new Client(stack.url).signIn(USERS.digdir);
    statsbygg = await new Client(stack.url).signIn(USERS.statsbygg);
    admin = await new Client(stack.url).signIn(USERS.admin);
  });
  afterAll(async () => {
    CLOCK.set(null);
    await stack?.stop();
  });

  describe('the year’s dates', () => {
    it("follows the pilot's cycle until the ministry changes it", async () => {
      const c = (
        await gqlOk(
          digdir,
          `{ summaryCycle(year: ${YEAR}) { opensOn agencyDeadline compileFrom compileTo sendBy reminderDays autoCompileOn isDefault } }`,
        )
      ).summaryCycle;
      expect(c).toEqual({
        opensOn: '2026-12-01',
        agencyDeadline: '2026-12-07',
        compileFrom: '2026-12-07',
        compileTo: '2026-12-14',
        sendBy: '2026-12-15',
        reminderDays: ['2026-12-01', '2026-12-05', '2026-12-07'],
        autoCompileOn: '2026-12-08',
        isDefault: true,
      });
    });

    it('refuses dates out of order or not in the calendar, and changes nothing', async () => {
      const bad = await ministry.gql(`mutation($i: UpdateSummaryCycleInput!) { updateSummaryCycle(input: $i) { isDefault } }`, {
        i: {
          year: YEAR,
          opensOn: '2026-12-01',
          agencyDeadline: '2026-12-10',
          compileFrom: '2026-12-08',
          compileTo: '2026-12-14',
          sendBy: '2026-12-15',
        },
      });
      expect(code(bad)).toBe('VALIDATION_FAILED');
      expect(bad.errors?.[0].message).toMatch(/compileFrom/);
      const notADay = await ministry.gql(`mutation($i: UpdateSummaryCycleInput!) { updateSummaryCycle(input: $i) { isDefault } }`, {
        i: {
          year: YEAR,
          opensOn: '2026-11-31',
          agencyDeadline: '2026-12-07',
          compileFrom: '2026-12-07',
          compileTo: '2026-12-14',
          sendBy: '2026-12-15',
        },
      });
      expect(code(notADay)).toBe('VALIDATION_FAILED');
      const agency = await digdir.gql(`mutation($i: UpdateSummaryCycleInput!) { updateSummaryCycle(input: $i) { isDefault } }`, {
        i: {
          year: YEAR,
          opensOn: '2026-12-01',
          agencyDeadline: '2026-12-07',
          compileFrom: '2026-12-07',
          compileTo: '2026-12-14',
          sendBy: '2026-12-15',
        },
      });
      expect(code(agency)).toBe('FORBIDDEN');
      expect(await stack.ds.query(`SELECT * FROM summary_cycle`)).toHaveLength(0);
    });

    it('lets the ministry move a date, for its own area only', async () => {
      const other = await new Client(stack.url).signIn(USERS.otherMinistry);
      expect(code(await other.gql(`{ summaryStatusBoard(areaId: "${id.kdd}", year: ${YEAR}) { year } }`))).toBe('NOT_FOUND');
      const next = (
        await gqlOk(ministry, `mutation($i: UpdateSummaryCycleInput!) { updateSummaryCycle(input: $i) { sendBy isDefault } }`, {
          i: {
            year: YEAR + 1,
            opensOn: '2027-11-29',
            agencyDeadline: '2027-12-06',
            compileFrom: '2027-12-06',
            compileTo: '2027-12-13',
            sendBy: '2027-12-14',
          },
        })
      ).updateSummaryCycle;
      expect(next).toEqual({ sendBy: '2027-12-14', isDefault: false });
    });
  });

  describe("the agency's report", () => {
    it('cannot be written before reporting opens', async () => {
      at(`${YEAR}-11-25`);
      const r = await digdir.gql(SAVE, { i: { year: YEAR, yearInReview: 'For tidlig' } });
      expect(code(r)).toBe('CONFLICT');
      expect(r.errors?.[0].message).toMatch(/opens on 2026-12-01/);
    });

    it("is pre-filled with the platform's figures and saved as a draft", async () => {
      at(`${YEAR}-12-02`);
      const empty = (await gqlOk(digdir, `{ agencyReport(year: ${YEAR}) ${REPORT} }`)).agencyReport;
      expect(empty).toMatchObject({ id: null, status: 'NOT_STARTED', editable: true, agencyName: 'Digitaliseringsdirektoratet' });
      const [{ n }] = await stack.ds.query(
        `SELECT count(*)::int AS n FROM apprentice WHERE agency_id = $1 AND contract_start <= '2026-10-01' AND coalesce(ended_on, contract_end) >= '2026-10-01' AND contract_end >= '2026-10-01'`,
        [id.digdir],
      );
      expect(empty.figures.snapshot).toBe(n);
      expect(empty.figures.trades.length).toBeGreaterThan(0);
      const saved = (
        await gqlOk(digdir, SAVE, {
          i: { year: YEAR, yearInReview: '', whatWorked: 'Fadderordningen', nextYearTradeIds: [id.kontor], targetNextYear: 6 },
        })
      ).saveAgencyReport;
      expect(saved).toMatchObject({ status: 'DRAFT', whatWorked: 'Fadderordningen', nextYearTradeIds: [id.kontor], targetNextYear: 6 });
    });

    it('refuses bad input and other agencies', async () => {
      expect(code(await digdir.gql(SAVE, { i: { year: YEAR, targetNextYear: -1 } }))).toBe('VALIDATION_FAILED');
      expect(code(await digdir.gql(SAVE, { i: { year: YEAR, nextYearTradeIds: ['00000000-0000-4000-8000-000000000000'] } }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(code(await statsbygg.gql(`{ agencyReport(agencyId: "${id.digdir}", year: ${YEAR}) { id } }`))).toBe('NOT_FOUND');
      expect(code(await statsbygg.gql(SAVE, { i: { agencyId: id.digdir, year: YEAR, yearInReview: 'Kapret' } }))).toBe('NOT_FOUND');
      expect(code(await ministry.gql(SAVE, { i: { agencyId: id.digdir, year: YEAR, yearInReview: 'Departementet skriver' } }))).toBe(
        'FORBIDDEN',
      );
      const [row] = await stack.ds.query(`SELECT year_in_review, target_next_year FROM agency_report WHERE agency_id = $1`, [id.digdir]);
      expect(row).toEqual({ year_in_review: '', target_next_year: 6 });
    });

    it('is submitted once it says how the year went, and is then locked', async () => {
      expect(code(await digdir.gql(SUBMIT, { y: YEAR }))).toBe('VALIDATION_FAILED');
      await gqlOk(digdir, SAVE, {
        i: {
          year: YEAR,
          yearInReview: 'Et godt år med seks lærlinger.',
          whatWorked: 'Fadderordningen',
          challenges: 'Rekruttering i IKT',
          nextYearTradeIds: [id.kontor],
          targetNextYear: 6,
        },
      });
      const sent = (await gqlOk(digdir, SUBMIT, { y: YEAR })).submitAgencyReport;
      expect(sent).toMatchObject({ status: 'SUBMITTED', editable: false, submittedLate: false });
      const again = await digdir.gql(SAVE, { i: { year: YEAR, yearInReview: 'Endret' } });
      expect(code(again)).toBe('CONFLICT');
      const [row] = await stack.ds.query(
        `SELECT year_in_review, submitted_figures IS NOT NULL AS frozen FROM agency_report WHERE agency_id = $1`,
        [id.digdir],
      );
      expect(row).toEqual({ year_in_review: 'Et godt år med seks lærlinger.', frozen: true });
    });

    it('can be reopened by the ministry, which tells the agency why', async () => {
      expect(
        code(
          await digdir.gql(
            `mutation { reopenAgencyReport(input: { agencyId: "${id.digdir}", year: ${YEAR}, reason: "Ta med IKT" }) { status } }`,
          ),
        ),
      ).toBe('FORBIDDEN');
      const r = (
        await gqlOk(
          ministry,
          `mutation { reopenAgencyReport(input: { agencyId: "${id.digdir}", year: ${YEAR}, reason: "Ta med tallene for IKT-servicefaget" }) { status canReopen } }`,
        )
      ).reopenAgencyReport;
      expect(r).toEqual({ status: 'DRAFT', canReopen: false });
      await stack.smtp.waitFor(() => stack.smtp.to(USERS.digdir).some((m) => /åpnet igjen/.test(m.subject ?? '')));
      expect(stack.smtp.to(USERS.digdir).find((m) => /åpnet igjen/.test(m.subject ?? ''))?.text).toContain(
        'Ta med tallene for IKT-servicefaget',
      );
      expect((await gqlOk(digdir, SUBMIT, { y: YEAR })).submitAgencyReport.status).toBe('SUBMITTED');
    });

    it("shows the ministry every agency's status", async () => {
      const b = (
        await gqlOk(
          ministry,
          `{ summaryStatusBoard(year: ${YEAR}) { deadline counts { notStarted draft submitted late } rows { agencyName status } } }`,
        )
      ).summaryStatusBoard;
      expect(b.deadline).toBe('2026-12-07');
      expect(b.rows.find((r: { agencyName: string }) => r.agencyName === 'Digitaliseringsdirektoratet').status).toBe('SUBMITTED');
      expect(b.rows.find((r: { agencyName: string }) => r.agencyName === 'Statsbygg').status).toBe('NOT_STARTED');
      const [ministryAgency] = await stack.ds.query(`SELECT name FROM agency WHERE area_id = $1 AND is_ministry`, [id.kdd]);
      expect(b.rows.some((r: { agencyName: string }) => r.agencyName === ministryAgency.name)).toBe(false);
      expect(b.counts.submitted).toBe(1);
      expect(code(await digdir.gql(`{ summaryStatusBoard(year: ${YEAR}) { year } }`))).toBe('FORBIDDEN');
    });
  });

  describe('the daily sweep on a moved clock', () => {
    it('is a job scheduler at 08:00 Europe/Oslo', async () => {
      const s = await queue.getJobScheduler(SWEEP_SCHEDULER);
      // Compared with the time the cycle wants (08:00 every day in Oslo), not with the code's own constant.
      expect(s).toMatchObject({ pattern: '0 8 * * *', tz: 'Europe/Oslo' });
    });

    it('opens, reminds on 1, 5 and 7 December only agencies that have not submitted, and tells the ministry on 8 December', async () => {
      // Statsbygg starts a draft; Digdir has submitted (above).
      at(`${YEAR}-12-03`);
      await gqlOk(statsbygg, SAVE, { i: { year: YEAR, yearInReview: 'Utkast' } });
      for (let d = 28; d <= 30; d++) await sweepOn(`${YEAR}-11-${d}`);
      for (let d = 1; d <= 10; d++) await sweepOn(`${YEAR}-12-${String(d).padStart(2, '0')}`);
      // A second run of the same day (another worker, a retry) sends nothing more.
      await queue.add(SWEEP_JOB, {}, { jobId: 'test-sweep-again' });
      await sweepOn(`${YEAR}-12-05`);

      const reminders = await mailsFor('summary-reminder:');
      const days = [...new Set(reminders.map((r) => r.purpose.split(':').pop()))];
      expect(days).toEqual(['2026-12-01', '2026-12-05', '2026-12-07']);
      expect(new Set(reminders.map((r) => r.recipient))).toEqual(new Set([USERS.statsbygg]));
      expect(reminders).toHaveLength(3);
      expect(reminders[0].subject).toMatch(/er åpnet/);
      expect(reminders[2].subject).toMatch(/I dag er fristen/);

      const late = await mailsFor(`summary-late:${id.kdd}:`);
      expect(late).toEqual([expect.objectContaining({ recipient: USERS.ministry })]);
      await stack.smtp.waitFor(() => stack.smtp.to(USERS.ministry).some((m) => /har ikke levert/.test(m.subject ?? '')));
      const text = stack.smtp.to(USERS.ministry).find((m) => /har ikke levert/.test(m.subject ?? ''))?.text ?? '';
      expect(text).toContain('Statsbygg');
      expect(text).not.toContain('Digitaliseringsdirektoratet');
      await stack.smtp.waitFor(() => stack.smtp.to(USERS.statsbygg).filter((m) => /årsrapport/i.test(m.subject ?? '')).length === 3);

      // On 8 December, the first day after the deadline, the compilation started by itself, once.
      const auto = await stack.ds.query(`SELECT trigger FROM summary_compilation WHERE area_id = $1 AND year = $2 AND trigger = 'AUTO'`, [
        id.kdd,
        YEAR,
      ]);
      expect(auto).toHaveLength(1);
      at(`${YEAR}-12-08`);
      const board = (await gqlOk(ministry, `{ summaryStatusBoard(year: ${YEAR}) { counts { submitted late } } }`)).summaryStatusBoard;
      expect(board.counts.submitted).toBe(1);
      expect(board.counts.late).toBeGreaterThanOrEqual(1);
    }, 120_000);

    it('marks a report submitted after the deadline as late', async () => {
      at(`${YEAR}-12-09`);
      const r = (await gqlOk(statsbygg, SUBMIT, { y: YEAR })).submitAgencyReport;
      expect(r).toMatchObject({ status: 'SUBMITTED', submittedLate: true });
    });
  });

  describe('compiling', () => {
    let genArea: string;
    let versionId: string;

    const compileAndWait = async (c: Client, areaId?: string) => {
      const started = (await gqlOk(c, COMPILE, { a: areaId ?? null, y: YEAR })).compileSummary;
      const done = await eventually(
        async () => (await gqlOk(c, COMPILATION, { id: started.id })).summaryCompilation,
        (x) => x.status === 'COMPLETE' || x.status === 'FAILED',
        60_000,
      );
      expect(done).toMatchObject({ status: 'COMPLETE', percent: 100 });
      return done.versionId as string;
    };

    /** A version's PDF as text (pdftotext -layout), in a language. */
    const pdfText = async (c: Client, id: string, lang: 'nb' | 'en') => {
      const res = await c.get(`/api/annual-summary/${id}/summary.pdf${lang === 'en' ? '?lang=en' : ''}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'summary-')), `${lang}.pdf`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    const line = (s: string, label: RegExp) => s.split('\n').find((l) => label.test(l)) ?? '';

    beforeAll(async () => {
      at(`${YEAR}-12-10`, '10:00');
      // A generated area: 40 agencies, 600 apprentices, targets; then gatherings, pool work, competence and reports on top.
      const { areaIds } = await seedNational(stack.ds, { agencies: 40, apprentices: 600, years: 3, areas: 1, year: YEAR });
      genArea = areaIds[0];
      await stack.ds.query(`INSERT INTO minimum_rule (year, threshold) VALUES ($1, 75) ON CONFLICT (year) DO UPDATE SET threshold = 75`, [
        YEAR,
      ]);
      await stack.ds.query(
        `INSERT INTO app_user (email, name, role, area_id, agency_id)
         SELECT 'gen' || g || '-' || row_number() OVER () || '@example.no', 'Person ' || g, CASE WHEN g = 1 THEN 'AGENCY_COORDINATOR' ELSE 'APPRENTICE' END::user_role, a.area_id, a.id
           FROM agency a, generate_series(1, 3) g WHERE a.area_id = $1`,
        [genArea],
      );
      const gatherings: { id: string }[] = await stack.ds.query(
        `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at, status)
         SELECT $1, 'STAFF', 'Samling ' || m, make_timestamptz($2, m, 15, 10, 0, 0, 'Europe/Oslo'), make_timestamptz($2, m, 15, 14, 0, 0, 'Europe/Oslo'), CASE WHEN m = 11 THEN 'CANCELLED' ELSE 'PUBLISHED' END::gathering_status
           FROM unnest(ARRAY[3, 6, 8, 10, 11, 12]) m RETURNING id`,
        [genArea, YEAR],
      );
      // Every other person answered: most said yes, some no, some are on the waitlist; at the first gathering some were also
      // checked in (then only they count); at the others nobody was (then those who said yes count, and no one else).
      await stack.ds.query(
        `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at)
         SELECT g.id, u.id, u.agency_id, CASE abs(hashtext(u.email || g.id || 'answer')) % 5 WHEN 1 THEN 'NO' WHEN 3 THEN 'WAITLIST' ELSE 'YES' END::rsvp_state,
                now(), CASE WHEN g.id = $2 AND hashtext(u.email) % 3 = 0 THEN now() END
           FROM gathering g JOIN app_user u ON u.area_id = g.area_id
          WHERE g.area_id = $1 AND hashtext(u.email || g.id) % 2 = 0`,
        [genArea, gatherings[0].id],
      );
      await stack.ds.query(
        `INSERT INTO pooled_event (area_id, agency_id, title, kind, starts_on, ends_on, signup_deadline, status)
         SELECT a.area_id, a.id, 'Arrangement ' || a.name, 'EVENT', make_date($2, 5, 1 + (row_number() OVER ())::int % 20), make_date($2, 5, 1 + (row_number() OVER ())::int % 20), make_timestamptz($2, 4, 1, 0, 0, 0, 'Europe/Oslo'), 'APPROVED'
           FROM agency a WHERE a.area_id = $1 AND hashtext(a.name) % 4 = 0`,
        [genArea, YEAR],
      );
      await stack.ds.query(
        `INSERT INTO event_shift (event_id, starts_at, ends_at, places)
         SELECT e.id, make_timestamptz($2, 5, 20, 9, 0, 0, 'Europe/Oslo'), make_timestamptz($2, 5, 20, 12 + (hashtext(e.id::text) & 3), 0, 0, 'Europe/Oslo'), 5 FROM pooled_event e WHERE e.area_id = $1`,
        [genArea, YEAR],
      );
      await stack.ds.query(
        `INSERT INTO shift_signup (shift_id, user_id, agency_id, state, attendance, hours)
         SELECT x.id, u.id, u.agency_id, 'APPROVED', CASE WHEN hashtext(u.email) % 5 = 0 THEN 'NO_SHOW' ELSE 'PRESENT' END::attendance,
                CASE WHEN hashtext(u.email) % 2 = 0 THEN 2.5 END
           FROM event_shift x JOIN pooled_event e ON e.id = x.event_id JOIN app_user u ON u.area_id = e.area_id AND u.role = 'APPRENTICE'
          WHERE e.area_id = $1 AND hashtext(u.email || x.id) % 9 = 0`,
        [genArea],
      );
      const [subject] = await stack.ds.query(`INSERT INTO competence_subject (area_id, name) VALUES ($1, 'SharePoint') RETURNING id`, [
        genArea,
      ]);
      await stack.ds.query(
        `INSERT INTO competence_apprentice (subject_id, user_id) SELECT $1, u.id FROM app_user u WHERE u.area_id = $2 AND u.role = 'APPRENTICE' AND hashtext(u.email) % 7 = 0`,
        [subject.id, genArea],
      );
      await stack.ds.query(
        `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, next_year_trade_ids, target_next_year, submitted_at)
         SELECT a.area_id, a.id, $2, 'Året i ' || a.name, '{}', 2, CASE WHEN hashtext(a.name) % 3 <> 0 THEN make_timestamptz($2, 12, 5, 12, 0, 0, 'Europe/Oslo') END
           FROM agency a WHERE a.area_id = $1 AND NOT a.is_ministry AND hashtext(a.name) % 5 <> 0`,
        [genArea, YEAR],
      );
      // Keeping apprentices: three trade tests passed this year and two interruptions going on, on
      // apprentices under contract all year; follow-up: three open cases, two resolved and two
      // terminated this year (each count under 5). KDD gets six open cases of its own, which must
      // not reach the generated area's summary.
      const running = async (areaId: string, n: number) =>
        (await stack.ds.query(
          `SELECT p.id, p.agency_id FROM apprentice p JOIN agency a ON a.id = p.agency_id
            WHERE a.area_id = $1 AND p.contract_start <= make_date($2, 1, 1) AND p.contract_end >= make_date($2 + 1, 1, 1) AND p.ended_on IS NULL
            ORDER BY p.id LIMIT $3`,
          [areaId, YEAR, n],
        )) as { id: string; agency_id: string }[];
      const gen = await running(genArea, 12);
      expect(gen).toHaveLength(12);
      await stack.ds.query(
        `INSERT INTO apprenticeship_contract (apprentice_id, agency_id, original_end)
         SELECT p.id, p.agency_id, p.contract_end FROM apprentice p WHERE p.id = ANY($1::uuid[])`,
        [gen.slice(0, 5).map((p) => p.id)],
      );
      await stack.ds.query(
        `INSERT INTO trade_test (apprentice_id, attempt, registered_on, test_date, result)
         SELECT unnest($1::uuid[]), 1, make_date($2, 3, 1), make_date($2, 5, 10), 'PASSED'`,
        [gen.slice(0, 3).map((p) => p.id), YEAR],
      );
      await stack.ds.query(
        `INSERT INTO apprenticeship_interruption (apprentice_id, kind, starts_on) SELECT unnest($1::uuid[]), 'SICKNESS', make_date($2, 11, 1)`,
        [gen.slice(3, 5).map((p) => p.id), YEAR],
      );
      const cases = (list: { id: string; agency_id: string }[], status: string, closedOn: string | null, extra = ['', '{}', '']) =>
        stack.ds.query(
          `INSERT INTO follow_up_case (apprentice_id, agency_id, opened_on, concerns, status, closed_on, termination_phase, termination_causes, afterwards)
           SELECT p.id, p.agency_id, make_date($2, 9, 1), '{HIGH_ABSENCE}', $3::follow_up_status, $4::date, nullif($5, ''), $6::varchar[], nullif($7, '')
             FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, agency_id uuid)`,
          [JSON.stringify(list), YEAR, status, closedOn, ...extra],
        );
      await cases(gen.slice(5, 8), 'OPEN', null);
      await cases(gen.slice(8, 10), 'RESOLVED', `${YEAR}-10-01`);
      await cases(gen.slice(10, 12), 'TERMINATED', `${YEAR}-11-01`, ['LATER', '{WORK_ENVIRONMENT}', 'SCHOOL']);
      await cases(await running(id.kdd, 6), 'OPEN', null);
    }, 120_000);

    it('builds figures equal to independently computed SQL totals', async () => {
      // An agency that has only a draft, with a target for next year in it: a draft counts for nothing.
      const [drafter] = await stack.ds.query(
        `SELECT a.id FROM agency a WHERE a.area_id = $1 AND NOT a.is_ministry
            AND NOT EXISTS (SELECT 1 FROM agency_report r WHERE r.agency_id = a.id AND r.year = $2) LIMIT 1`,
        [genArea, YEAR],
      );
      expect(drafter).toBeDefined();
      await stack.ds.query(
        `INSERT INTO agency_report (area_id, agency_id, year, next_year_trade_ids, target_next_year) VALUES ($1, $2, $3, '{}', 500)`,
        [genArea, drafter.id, YEAR],
      );
      versionId = await compileAndWait(admin, genArea);
      const v = (await gqlOk(admin, VERSION, { id: versionId })).summaryVersion;
      const t = v.totals;
      // Independent SQL: written from the rules, not from the compilation's queries.
      const counted = async (day: string) =>
        (
          await stack.ds.query(
            `SELECT count(*)::int AS n FROM apprentice p WHERE p.agency_id IN (SELECT id FROM agency WHERE area_id = $1)
              AND p.contract_start <= $2::date AND p.contract_end >= $2::date AND (p.ended_on IS NULL OR p.ended_on >= $2::date)`,
            [genArea, day],
          )
        )[0].n as number;
      expect(t.apprenticesSnapshot).toBe(await counted('2026-10-01'));
      expect(t.apprenticesSnapshotLastYear).toBe(await counted('2025-10-01'));
      expect(t.apprenticesNow).toBe(await counted('2026-12-10'));
      const [targets] = await stack.ds.query(
        `SELECT coalesce(sum(total), 0)::int AS s FROM target WHERE year = $2 AND agency_id IN (SELECT id FROM agency WHERE area_id = $1)`,
        [genArea, YEAR],
      );
      expect(t.targetSum).toBe(targets.s);
      const [rule] = await stack.ds.query(
        `SELECT count(*) FILTER (WHERE a.employees > 75)::int AS applies,
                count(*) FILTER (WHERE a.employees > 75 AND NOT EXISTS (SELECT 1 FROM apprentice p WHERE p.agency_id = a.id AND p.contract_start <= '2026-10-01' AND p.contract_end >= '2026-10-01' AND (p.ended_on IS NULL OR p.ended_on >= '2026-10-01')))::int AS breaking
           FROM agency a WHERE a.area_id = $1`,
        [genArea],
      );
      expect({ applies: t.agenciesRuleApplies, breaking: t.agenciesBreakingRule }).toEqual(rule);
      expect(t.gatheringsHeld).toBe(4); // March, June, August, October; November cancelled, December not yet come
      const [people] = await stack.ds.query(
        `SELECT count(*)::int AS n FROM gathering_rsvp r JOIN gathering g ON g.id = r.gathering_id
          WHERE g.area_id = $1 AND g.status = 'PUBLISHED' AND g.starts_at < '2026-12-01'
            AND (r.checked_in_at IS NOT NULL
                 OR (r.state = 'YES' AND NOT EXISTS (SELECT 1 FROM gathering_rsvp c WHERE c.gathering_id = g.id AND c.checked_in_at IS NOT NULL)))`,
        [genArea],
      );
      expect(t.gatheringParticipants).toBe(people.n);
      const [pool] = await stack.ds.query(
        `SELECT coalesce(sum(CASE WHEN s.hours IS NOT NULL THEN s.hours ELSE extract(epoch FROM x.ends_at - x.starts_at) / 3600 END), 0)::float AS hours, count(*)::int AS shifts
           FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id
          WHERE e.area_id = $1 AND s.attendance = 'PRESENT'`,
        [genArea],
      );
      expect(t.poolHours).toBeCloseTo(pool.hours, 2);
      expect(t.poolShifts).toBe(pool.shifts);
      const [ev] = await stack.ds.query(`SELECT count(*)::int AS n FROM pooled_event WHERE area_id = $1`, [genArea]);
      expect(t.poolEvents).toBe(ev.n);
      const [comp] = await stack.ds.query(
        `SELECT count(*)::int AS n FROM competence_apprentice c JOIN competence_subject s ON s.id = c.subject_id WHERE s.area_id = $1`,
        [genArea],
      );
      expect(t.competenceApprentices).toBe(comp.n);
      const [rep] = await stack.ds.query(
        `SELECT count(*) FILTER (WHERE r.submitted_at IS NOT NULL)::int AS reported, count(DISTINCT a.id)::int AS expected
           FROM agency a LEFT JOIN agency_report r ON r.agency_id = a.id AND r.year = $2 WHERE a.area_id = $1 AND NOT a.is_ministry`,
        [genArea, YEAR],
      );
      expect({ reported: t.agenciesReported, expected: t.reportsExpected }).toEqual(rep);
      const [next] = await stack.ds.query(
        `SELECT coalesce(sum(target_next_year), 0)::int AS s FROM agency_report WHERE area_id = $1 AND year = $2 AND submitted_at IS NOT NULL`,
        [genArea, YEAR],
      );
      expect(t.targetNextYearSum).toBe(next.s);
      expect(v.content.agencies.find((a: { agencyId: string }) => a.agencyId === drafter.id).targetNextYear).toBeNull();
      expect(v.content.missing).toHaveLength(rep.expected - rep.reported);
      expect(v.content.narratives).toHaveLength(rep.reported);

      // Per agency too.
      const perAgency: { id: string; n: number }[] = await stack.ds.query(
        `SELECT a.id, count(p.id)::int AS n FROM agency a LEFT JOIN apprentice p ON p.agency_id = a.id AND p.contract_start <= '2026-10-01' AND p.contract_end >= '2026-10-01' AND (p.ended_on IS NULL OR p.ended_on >= '2026-10-01')
          WHERE a.area_id = $1 GROUP BY a.id`,
        [genArea],
      );
      const lines = new Map<string, number>(
        v.content.agencies.map((a: { agencyId: string; snapshot: number }) => [a.agencyId, a.snapshot]),
      );
      expect(perAgency.every((r) => lines.get(r.id) === r.n)).toBe(true);
      // The area has no action plan: the pilot's gathering criteria, as the domain defines them.
      expect(v.content.criteria.map((c: { label: string }) => c.label)).toEqual(PILOT_GATHERING_CRITERIA.map((c) => c.label.nb));
    }, 120_000);

    it("has the area's totals in the PDF's text (pdftotext), in Norwegian and English", async () => {
      const v = (await gqlOk(admin, VERSION, { id: versionId })).summaryVersion;
      const text = (lang: 'nb' | 'en') => pdfText(admin, versionId, lang);
      const nb = await text('nb');
      expect(nb).toContain(`Årsoppsummering ${YEAR}`);
      expect(nb).toContain(v.content.areaName);
      expect(line(nb, /Lærlinger 1\. oktober 2026/)).toMatch(new RegExp(`\\b${v.totals.apprenticesSnapshot}\\b`));
      expect(line(nb, /Lærlinger 1\. oktober 2025/)).toMatch(new RegExp(`\\b${v.totals.apprenticesSnapshotLastYear}\\b`));
      expect(line(nb, /^\s*Sum måltall/)).toMatch(new RegExp(`\\b${v.totals.targetSum}\\b`));
      expect(line(nb, /Rapporter levert/)).toContain(`${v.totals.agenciesReported} av ${v.totals.reportsExpected}`);
      expect(nb).toContain(v.content.missing[0]);
      const en = await text('en');
      expect(en).toContain(`Annual summary ${YEAR}`);
      expect(line(en, /Apprentices on 1 October 2026/)).toMatch(new RegExp(`\\b${v.totals.apprenticesSnapshot}\\b`));
      // The criteria under their English names in the English PDF.
      const three = PILOT_GATHERING_CRITERIA.find((c) => c.key === 'AT_LEAST_THREE_IN_YEAR')!.label;
      expect(en).toContain(three.en);
      expect(en).not.toContain(three.nb);
      expect(nb).toContain(three.nb);
    });

    it('has the same numbers in the workbook, read back with a standard reader', async () => {
      const v = (await gqlOk(admin, VERSION, { id: versionId })).summaryVersion;
      const res = await admin.get(`/api/annual-summary/${versionId}/summary.xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const key = wb.getWorksheet('Nøkkeltall')!;
      const value = (label: string) => {
        let out: unknown;
        key.eachRow((r) => {
          if (r.getCell(1).value === label) out = r.getCell(2).value;
        });
        return out;
      };
      expect(value('Lærlinger 1. oktober 2026')).toBe(v.totals.apprenticesSnapshot);
      expect(value('Sum måltall')).toBe(v.totals.targetSum);
      expect(value('Timer lærlinger hjalp til')).toBeCloseTo(v.totals.poolHours, 2);
      const agencies = wb.getWorksheet('Virksomheter')!;
      let sum = 0;
      agencies.eachRow((r, i) => {
        if (i > 1) sum += Number(r.getCell(4).value);
      });
      expect(sum).toBe(v.totals.apprenticesSnapshot);
      expect(agencies.rowCount - 1).toBe(v.content.agencies.length);
    });

    it('makes a new version each time, and keeps the versions apart by area', async () => {
      const again = await compileAndWait(admin, genArea);
      const versions = (await gqlOk(admin, `{ summaryVersions(areaId: "${genArea}", year: ${YEAR}) { id version } }`)).summaryVersions;
      expect(versions.map((x: { version: number }) => x.version)).toEqual([2, 1]);
      expect(versions[0].id).toBe(again);
      expect(code(await ministry.gql(VERSION, { id: versionId }))).toBe('NOT_FOUND');
      expect((await ministry.get(`/api/annual-summary/${versionId}/summary.pdf`)).status).toBe(404);
    });

    it("holds the area's apprenticeship figures and its follow-up counts exactly as their modules publish them, and nothing of another area", async () => {
      const c = (await gqlOk(admin, VERSION_FIGURES, { id: versionId })).summaryVersion.content;
      const args = `(areaId: "${genArea}", year: ${YEAR})`;
      const published = await gqlOk(
        admin,
        `{ apprenticeshipFigures${args} ${APPRENTICESHIP_FIGURES} followUpFigures${args} ${FOLLOW_UP_FIGURES} }`,
      );
      expect(c.apprenticeship).toEqual(published.apprenticeshipFigures);
      expect(c.followUp).toEqual(published.followUpFigures);

      // The apprenticeships, against independent counts of the generated area alone.
      const a = c.apprenticeship;
      expect(a).toMatchObject({ areaId: genArea, year: YEAR, asOf: `${YEAR}-12-10` });
      const v = (await gqlOk(admin, VERSION, { id: versionId })).summaryVersion;
      expect(a.total).toMatchObject({ underContract: v.totals.apprenticesNow, tradeTestsPassed: 3, openInterruptions: 2 });
      const genAgencies = new Set(v.content.agencies.map((x: { agencyId: string }) => x.agencyId));
      expect(a.agencies.length).toBeGreaterThan(0);
      expect(a.agencies.every((x: { agencyId: string }) => genAgencies.has(x.agencyId))).toBe(true);

      // Follow-up: every count here is under 5 (KDD's six open cases are not), shown as such and never as a number.
      const f = c.followUp;
      expect(f).toMatchObject({ areaId: genArea, year: YEAR, asOf: `${YEAR}-12-10` });
      expect(f.openCases).toEqual({ count: null, disclosure: 'UNDER_THRESHOLD' });
      const year = f.outcomes.rows.find((r: { key: string }) => r.key === String(YEAR));
      expect(year.cells).toEqual([
        { count: null, disclosure: 'UNDER_THRESHOLD' },
        { count: null, disclosure: 'UNDER_THRESHOLD' },
      ]);
      const shown = JSON.stringify(f).match(/"count":\d+/g) ?? [];
      expect(shown).toEqual([]);
      const [{ kddOpen }] = await stack.ds.query(
        `SELECT count(*)::int AS "kddOpen" FROM follow_up_case c JOIN agency a ON a.id = c.agency_id WHERE a.area_id = $1 AND c.status = 'OPEN'`,
        [id.kdd],
      );
      expect(kddOpen).toBeGreaterThanOrEqual(6);
    });

    it('prints them in the PDF in Norwegian and English ("under 5" in both) and in the workbook', async () => {
      const c = (await gqlOk(admin, VERSION_FIGURES, { id: versionId })).summaryVersion.content;
      const nb = await pdfText(admin, versionId, 'nb');
      expect(nb).toContain('Læreforholdene');
      expect(line(nb, /under kontrakt per 10\. desember 2026/)).toMatch(new RegExp(`\\b${c.apprenticeship.total.underContract}\\b`));
      expect(line(nb, /Beståtte fag- og kompetanseprøver i 2026/)).toMatch(/\b3\s*$/);
      expect(line(nb, /^\s*Pågående avbrudd/)).toMatch(/\b2\s*$/);
      expect(nb).toContain('Oppfølging ved utfordringer i læreforholdet');
      expect(line(nb, /Åpne saker per 10\. desember 2026:/)).toMatch(/: under 5\s*$/);
      expect(line(nb, /^\s*Arbeidsmiljø/)).toMatch(/under 5/);
      expect(line(nb, /^\s*2026\s/)).toMatch(/^\s*2026\s+under 5\s+under 5/);
      const en = await pdfText(admin, versionId, 'en');
      expect(en).toContain('The apprenticeships');
      expect(line(en, /under contract on 10 December 2026/)).toMatch(new RegExp(`\\b${c.apprenticeship.total.underContract}\\b`));
      expect(en).toContain('Follow-up when an apprenticeship runs into trouble');
      expect(line(en, /Open cases on 10 December 2026:/)).toMatch(/: under 5\s*$/);
      expect(line(en, /^\s*Work environment/)).toMatch(/under 5/);

      const res = await admin.get(`/api/annual-summary/${versionId}/summary.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ap = wb.getWorksheet('Læreforhold')!;
      expect(ap.rowCount - 2).toBe(c.apprenticeship.agencies.length);
      expect(ap.getRow(ap.rowCount).values).toEqual([
        undefined,
        'Sum',
        c.apprenticeship.total.underContract,
        c.apprenticeship.total.assessmentsOnTime,
        2,
        3,
        c.apprenticeship.total.completions,
      ]);
      const fu = wb.getWorksheet('Oppfølging')!;
      const values: unknown[] = [];
      fu.eachRow((r) => values.push(...(r.values as unknown[]).slice(1)));
      expect(values).toContain('under 5');
      expect(values.filter((x) => typeof x === 'number')).toEqual([]);
    });

    it('shows a version compiled before these figures were kept without them', async () => {
      // Such a version's data has neither: take them out of this one (versions are otherwise never changed).
      await stack.ds.query(`UPDATE summary_version SET data = data - 'apprenticeship' - 'followUp' WHERE id = $1`, [versionId]);
      const c = (await gqlOk(admin, VERSION_FIGURES, { id: versionId })).summaryVersion.content;
      expect(c).toEqual({ apprenticeship: null, followUp: null });
      expect((await gqlOk(admin, VERSION, { id: versionId })).summaryVersion.content.areaName).toBeTruthy();
    });

    it('sends the version once per recipient, however often it is sent, then freezes the year', async () => {
      const kddVersion = await compileAndWait(ministry);
      // Agencies do not see versions that have not been sent.
      expect(code(await digdir.gql(VERSION, { id: kddVersion }))).toBe('NOT_FOUND');
      const before = stack.smtp.mails.length;
      const SEND = `mutation($v: ID!) { sendSummary(versionId: $v) { id sentAt } }`;
      const [a, b] = await Promise.all([gqlOk(ministry, SEND, { v: kddVersion }), gqlOk(ministry, SEND, { v: kddVersion })]);
      expect(a.sendSummary.sentAt).toBe(b.sendSummary.sentAt);
      await gqlOk(ministry, SEND, { v: kddVersion });
      const recipients: string[] = (
        await stack.ds.query(
          `SELECT DISTINCT lower(u.email) AS e FROM app_user u WHERE (u.role IN ('AGENCY_COORDINATOR') AND u.agency_id IN (SELECT id FROM agency WHERE area_id = $1))
              OR (u.role = 'MINISTRY_COORDINATOR' AND u.area_id = $1)
              OR u.id IN (SELECT user_id FROM network_member nm JOIN network n ON n.id = nm.network_id WHERE n.area_id = $1 AND n.kind = 'STAFF')`,
          [id.kdd],
        )
      ).map((r: { e: string }) => r.e);
      const summaryMails = () =>
        stack.smtp.mails.slice(before).filter((m) => /Årsoppsummering 2026|Annual summary 2026/.test(m.subject ?? ''));
      await stack.smtp.waitFor(() => summaryMails().length >= recipients.length, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      const got = summaryMails();
      expect(got).toHaveLength(recipients.length);
      expect(new Set(got.flatMap((m) => m.envelopeTo))).toEqual(new Set(recipients));
      for (const m of got) {
        const pdf = m.attachments.find((x) => x.mimeType === 'application/pdf');
        expect(pdf?.filename).toBe('arsoppsummering-2026.pdf');
        expect(
          Buffer.from(pdf!.content as ArrayBuffer)
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      }
      // The sent version is frozen and archived; the year is closed.
      const archive = (await gqlOk(digdir, `{ summaryArchive { id year version sentAt recipients delivered } }`)).summaryArchive;
      expect(archive).toEqual([expect.objectContaining({ id: kddVersion, year: YEAR, recipients: recipients.length })]);
      expect((await digdir.get(`/api/annual-summary/${kddVersion}/summary.pdf`)).status).toBe(200);
      expect(code(await ministry.gql(COMPILE, { y: YEAR }))).toBe('CONFLICT');
      expect(code(await statsbygg.gql(SAVE, { i: { year: YEAR, yearInReview: 'Etter sending' } }))).toBe('CONFLICT');
      const older = (await gqlOk(ministry, `{ summaryVersions(year: ${YEAR}) { id version } }`)).summaryVersions.find(
        (x: { id: string }) => x.id !== kddVersion,
      );
      if (older) expect(code(await ministry.gql(SEND, { v: older.id }))).toBe('CONFLICT');
      const [sent] = await stack.ds.query(
        `SELECT count(*)::int AS n FROM summary_version WHERE area_id = $1 AND year = $2 AND sent_at IS NOT NULL`,
        [id.kdd, YEAR],
      );
      expect(sent.n).toBe(1);
    }, 120_000);
  });
});
