/**
 * The apprenticeship: a professional leader records the contract, the start-up talk and an
 * assessment, an interruption that moves the end, the trade test and its retake; the apprentice
 * sees their own and nobody else's; another agency gets NOT_FOUND, the ministry figures only; the
 * daily early warnings reach each responsible person once a day; an agency's list is imported.
 */
import ExcelJS from 'exceljs';
import { addDays, WarningKind } from '@laerenett/shared-domain';
import { Client, code, eventually, ids, Stack, startStack, USERS } from './harness';
import { warningsJobId, WARNINGS_JOB } from '../src/modules/apprenticeship/jobs/apprenticeship-warnings.job';
import { warningsPurpose } from '../src/modules/apprenticeship/warnings-digest.service';
import { Clock } from '../src/common/clock';

const FULL = `apprenticeId name status contractStart originalEnd plannedEnd endedOn county probationEnd startupTalkDue nextAssessmentDue
  tradeTestRegistrationDue tradeTestState afterPlan canEdit leader { id name } instructors { id }
  talks { id kind heldOn summary goals } interruptions { id kind startsOn endsOn countyNotifiedOn days }
  tradeTests { id attempt registeredOn testDate result } warnings { kind date }`;

describe('apprenticeship', () => {
  let stack: Stack;
  let i: Awaited<ReturnType<typeof ids>>;
  let ola: Client;
  let ingrid: Client;
  let emma: Client;
  let ministry: Client;
  let otherMinistry: Client;
  let today: string;
  const sql = (q: string, p: unknown[] = []) => stack.ds.query(q, p);

  beforeAll(async () => {
    stack = await startStack();
    i = await ids(stack.ds);
    ola = await new Client(stack.url).signIn(USERS.digdir);
    ingrid = await new Client(stack.url).signIn(USERS.statsbygg);
    emma = await new Client(stack.url).signIn(USERS.apprentice);
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    otherMinistry = await new Client(stack.url).signIn(USERS.otherMinistry);
    today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(stack.api.get(Clock).now());
  });
  afterAll(() => stack?.stop());

  const one = async (c: Client, apprenticeId: string) => {
    const r = await c.gql(`query($id: ID!) { apprenticeship(apprenticeId: $id) { ${FULL} } }`, { id: apprenticeId });
    return r;
  };
  const mutate = async (c: Client, name: string, type: string, input: Record<string, unknown>) =>
    c.gql(`mutation($i: ${type}!) { ${name}(input: $i) { ${FULL} } }`, { i: input });

  it('the professional leader keeps the contract, talks, an interruption and the trade test; the apprentice sees them', async () => {
    const staff = (await ola.gql(`query($a: ID!) { apprenticeshipStaff(agencyId: $a) { id email } }`, { a: i.digdir })).data![
      'apprenticeshipStaff'
    ];
    const olaId = staff.find((p: { email: string }) => p.email === USERS.digdir).id;
    const id = i.digdirApprentice;
    const before = (await one(ola, id)).data!['apprenticeship'];
    const start = before.contractStart as string;

    const saved = await mutate(ola, 'saveApprenticeshipContract', 'ApprenticeshipContractInput', {
      apprenticeId: id,
      county: 'Oslo',
      birthDate: '2000-01-01',
      signedOn: start,
      leaderId: olaId,
      instructorIds: [olaId],
    });
    expect(saved.errors).toBeUndefined();
    const c = saved.data!['saveApprenticeshipContract'];
    expect(c.leader.name).toBe('Ola Hansen');
    expect(c.probationEnd).toBe(
      addDays(
        start.replace(/^(\d{4})-08/, (_m, y) => `${Number(y) + 1}-02`),
        -1,
      ),
    );
    // A leader from another agency is refused.
    const ingridId = (await sql(`SELECT id FROM app_user WHERE email = $1`, [USERS.statsbygg]))[0].id;
    expect(
      code(await mutate(ola, 'saveApprenticeshipContract', 'ApprenticeshipContractInput', { apprenticeId: id, leaderId: ingridId })),
    ).toBe('VALIDATION_FAILED');

    // The start-up talk, once; then an assessment.
    const talk = {
      apprenticeId: id,
      heldOn: addDays(start, 10),
      participants: 'Emma Larsen, Ola Hansen',
      summary: 'God start',
      goals: 'Lære rutinene',
    };
    expect((await mutate(ola, 'recordApprenticeshipTalk', 'RecordTalkInput', { ...talk, kind: 'STARTUP' })).errors).toBeUndefined();
    expect(code(await mutate(ola, 'recordApprenticeshipTalk', 'RecordTalkInput', { ...talk, kind: 'STARTUP' }))).toBe('CONFLICT');
    expect(
      code(await mutate(ola, 'recordApprenticeshipTalk', 'RecordTalkInput', { ...talk, kind: 'ASSESSMENT', heldOn: addDays(today, 1) })),
    ).toBe('VALIDATION_FAILED');
    const assessed = await mutate(ola, 'recordApprenticeshipTalk', 'RecordTalkInput', {
      ...talk,
      kind: 'ASSESSMENT',
      heldOn: today,
      summary: 'Halvårsvurdering',
    });
    const a = assessed.data!['recordApprenticeshipTalk'];
    expect(a.talks.map((t: { kind: string }) => t.kind)).toEqual(['STARTUP', 'ASSESSMENT']);
    expect(a.startupTalkDue).toBeNull();
    expect(a.nextAssessmentDue > today).toBe(true);
    expect(a.warnings.map((w: { kind: string }) => w.kind)).not.toContain(WarningKind.ASSESSMENT_OVERDUE);

    // Ten days of sickness, then parental leave overlapping it by five: the end moves by fifteen.
    const sick = { apprenticeId: id, kind: 'SICKNESS', startsOn: addDays(today, -40), endsOn: addDays(today, -31) };
    const r1 = (await mutate(ola, 'recordInterruption', 'RecordInterruptionInput', sick)).data!['recordInterruption'];
    expect(r1.plannedEnd).toBe(addDays(a.plannedEnd, 10));
    const leave = { apprenticeId: id, kind: 'PARENTAL_LEAVE', startsOn: addDays(today, -35), endsOn: addDays(today, -26) };
    const r2 = (await mutate(ola, 'recordInterruption', 'RecordInterruptionInput', leave)).data!['recordInterruption'];
    expect(r2.plannedEnd).toBe(addDays(a.plannedEnd, 15));
    // The apprentice's record (the dashboard's count) has the moved end.
    expect((await sql(`SELECT contract_end::text AS e FROM apprentice WHERE id = $1`, [id]))[0].e).toBe(r2.plannedEnd);
    // The county is notified; an open interruption makes the record INTERRUPTED until it ends.
    const interruptionId = r2.interruptions[0].id;
    const notified = await ola.gql(
      `mutation($id: ID!, $i: UpdateInterruptionInput!) { updateInterruption(id: $id, input: $i) { interruptions { countyNotifiedOn } } }`,
      {
        id: interruptionId,
        i: { countyNotifiedOn: addDays(today, -30) },
      },
    );
    expect(notified.data!['updateInterruption'].interruptions[0].countyNotifiedOn).toBe(addDays(today, -30));
    const open = (
      await mutate(ola, 'recordInterruption', 'RecordInterruptionInput', { apprenticeId: id, kind: 'OTHER', startsOn: addDays(today, -2) })
    ).data!['recordInterruption'];
    expect(open.status).toBe('INTERRUPTED');
    expect(open.plannedEnd).toBe(addDays(a.plannedEnd, 18));
    const openId = open.interruptions.find((x: { endsOn: string | null }) => x.endsOn === null).id;
    const closed = await ola.gql(
      `mutation($id: ID!, $i: UpdateInterruptionInput!) { updateInterruption(id: $id, input: $i) { status plannedEnd } }`,
      {
        id: openId,
        i: { endsOn: addDays(today, -1) },
      },
    );
    expect(closed.data!['updateInterruption']).toEqual({ status: 'ACTIVE', plannedEnd: addDays(a.plannedEnd, 17) });

    // The apprentice sees it all on their own page, and cannot record anything.
    const mine = (await emma.gql(`{ myApprenticeship { ${FULL} } }`)).data!['myApprenticeship'];
    expect(mine.apprenticeId).toBe(id);
    expect(mine.talks).toHaveLength(2);
    expect(mine.leader.name).toBe('Ola Hansen');
    expect(mine.canEdit).toBe(false);
    expect(code(await mutate(emma, 'recordApprenticeshipTalk', 'RecordTalkInput', { ...talk, kind: 'ASSESSMENT', heldOn: today }))).toBe(
      'FORBIDDEN',
    );

    // The trade test: registered, failed, a retake passed; passing completes the contract.
    const reg = (await mutate(ola, 'registerTradeTest', 'RegisterTradeTestInput', { apprenticeId: id, registeredOn: addDays(today, -20) }))
      .data!['registerTradeTest'];
    expect(reg.tradeTestState).toBe('REGISTERED');
    expect(code(await mutate(ola, 'registerTradeTest', 'RegisterTradeTestInput', { apprenticeId: id, registeredOn: today }))).toBe(
      'CONFLICT',
    );
    const failed = await mutate(ola, 'recordTradeTestResult', 'TradeTestResultInput', {
      tradeTestId: reg.tradeTests[0].id,
      testDate: addDays(today, -10),
      result: 'FAILED',
    });
    expect(failed.data!['recordTradeTestResult'].tradeTestState).toBe('FAILED');
    const retake = (
      await mutate(ola, 'registerTradeTest', 'RegisterTradeTestInput', { apprenticeId: id, registeredOn: addDays(today, -5) })
    ).data!['registerTradeTest'];
    expect(retake.tradeTests.map((t: { attempt: number }) => t.attempt)).toEqual([1, 2]);
    const passed = (
      await mutate(ola, 'recordTradeTestResult', 'TradeTestResultInput', {
        tradeTestId: retake.tradeTests[1].id,
        testDate: today,
        result: 'PASSED_WITH_DISTINCTION',
      })
    ).data!['recordTradeTestResult'];
    expect(passed).toMatchObject({ tradeTestState: 'PASSED', status: 'COMPLETED', endedOn: today, warnings: [] });
    // A completed contract takes no more records.
    expect(code(await mutate(ola, 'recordApprenticeshipTalk', 'RecordTalkInput', { ...talk, kind: 'ASSESSMENT', heldOn: today }))).toBe(
      'CONFLICT',
    );
  });

  it('another agency’s apprentice is NOT_FOUND; the ministry sees figures only; an apprentice only their own', async () => {
    expect(code(await one(ingrid, i.digdirApprentice))).toBe('NOT_FOUND');
    expect(code(await one(ministry, i.digdirApprentice))).toBe('NOT_FOUND');
    expect(code(await one(emma, i.statsbyggApprentice))).toBe('NOT_FOUND');
    expect(code(await ingrid.gql(`query($a: ID!) { apprenticeships(agencyId: $a) { name } }`, { a: i.digdir }))).toBe('NOT_FOUND');
    expect(code(await ministry.gql(`query($a: ID!) { apprenticeships(agencyId: $a) { name } }`, { a: i.digdir }))).toBe('FORBIDDEN');
    const figures = await ministry.gql(
      `{ apprenticeshipFigures { asOf agencies { agencyName underContract assessmentsOnTime openInterruptions tradeTestsPassed completions } total { underContract tradeTestsPassed completions } } }`,
    );
    expect(figures.errors).toBeUndefined();
    const f = figures.data!['apprenticeshipFigures'];
    expect(f.total.underContract).toBeGreaterThan(10);
    expect(f.total.tradeTestsPassed).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(f)).not.toContain('Emma');
    expect(code(await otherMinistry.gql(`query($a: ID) { apprenticeshipFigures(areaId: $a) { year } }`, { a: i.kdd }))).toBe('NOT_FOUND');
    expect(code(await ola.gql(`{ apprenticeshipFigures { year } }`))).toBe('FORBIDDEN');
  });

  it('mails each responsible person their own early warnings once a day, and nothing on a day without any', async () => {
    const queue = stack.queue(WARNINGS_JOB.queue);
    // Ola leads two of Digdir's apprentices who started more than six months ago and have had no assessment since.
    const olaId = (await sql(`SELECT id FROM app_user WHERE email = $1`, [USERS.digdir]))[0].id;
    const led: { id: string }[] = await sql(
      `SELECT a.id FROM apprentice a WHERE a.agency_id = $1 AND a.status = 'ACTIVE' AND a.id <> $2 AND a.contract_start < $3::date - 200 ORDER BY a.name LIMIT 2`,
      [i.digdir, i.digdirApprentice, today],
    );
    expect(led.length).toBeGreaterThan(0);
    await sql(`DELETE FROM apprenticeship_talk WHERE apprentice_id = ANY($1::uuid[]) AND kind = 'ASSESSMENT'`, [led.map((a) => a.id)]);
    for (const a of led)
      expect(
        (
          await ola.gql(`mutation($i: ApprenticeshipContractInput!) { saveApprenticeshipContract(input: $i) { apprenticeId } }`, {
            i: { apprenticeId: a.id, leaderId: olaId },
          })
        ).errors,
      ).toBeUndefined();
    const day = today;
    for (let run = 0; run < 2; run++) {
      await queue.add(WARNINGS_JOB.name, { today: day }, { jobId: `${warningsJobId(day)}-${run}` });
      await eventually(
        async () => (await queue.getJobState(`${warningsJobId(day)}-${run}`)) as string,
        (s) => s === 'completed',
      );
    }
    await stack.smtp.waitFor(() => stack.smtp.to(USERS.digdir).length > 0);
    const rows: { recipient: string; n: number }[] = await sql(
      `SELECT recipient, count(*)::int AS n FROM mail_message WHERE purpose = $1 GROUP BY recipient`,
      [warningsPurpose(day)],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.smtp.to(USERS.digdir)).toHaveLength(1);
    const mail = stack.smtp.to(USERS.digdir)[0];
    expect(mail.text).toContain('trenger oppfølging');
    // Nobody on a day before any contract began.
    await queue.add(WARNINGS_JOB.name, { today: '2001-01-01' }, { jobId: warningsJobId('2001-01-01') });
    await eventually(
      async () => (await queue.getJobState(warningsJobId('2001-01-01'))) as string,
      (s) => s === 'completed',
    );
    expect(await sql(`SELECT count(*)::int AS n FROM mail_message WHERE purpose = $1`, [warningsPurpose('2001-01-01')])).toEqual([
      { n: 0 },
    ]);
  });

  describe('import', () => {
    const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\n'), 'utf8').toString('base64');
    const head = ['Navn', 'E-post', 'Lærefag', 'Startdato', 'Sluttdato', 'Fylke'];
    const good = [
      head,
      ['Kari Import', 'kari.import@digdir.no', 'IKT-servicefaget', '15.08.2026', '14.08.2028', 'Oslo'],
      ['Per Import', 'per.import@digdir.no', 'kontor-og-administrasjon', '2026-08-15', '2028-08-14', 'Vestland fylkeskommune'],
      ['"Lise ""L"" Import"', 'lise.import@digdir.no', 'Kontor- og administrasjonsfaget', '2026-08-15', '2028-08-14', 'akershus'],
    ];
    const run = (c: Client, apply: boolean, filename: string, contentBase64: string) =>
      c.gql(
        `mutation($i: ApprenticeImportInput!) { ${apply ? 'applyApprenticeImport' : 'previewApprenticeImport'}(input: $i) { valid applied created updated unchanged rows { row name action errors { field message } } } }`,
        { i: { agencyId: i.digdir, filename, contentBase64 } },
      );
    const count = async () => (await sql(`SELECT count(*)::int AS n FROM apprentice WHERE agency_id = $1`, [i.digdir]))[0].n as number;

    it('previews a good file, applies it in one go, and changes nothing when it comes again', async () => {
      const n0 = await count();
      const preview = (await run(ola, false, 'laerlinger.csv', csv(good))).data!['previewApprenticeImport'];
      expect(preview).toMatchObject({ valid: true, applied: false, created: 3, updated: 0, unchanged: 0 });
      expect(preview.rows[2].name).toBe('Lise "L" Import');
      expect(await count()).toBe(n0);
      const applied = (await run(ola, true, 'laerlinger.csv', csv(good))).data!['applyApprenticeImport'];
      expect(applied).toMatchObject({ applied: true, created: 3 });
      expect(await count()).toBe(n0 + 3);
      const stamp = await sql(`SELECT max(updated_at) AS t FROM apprentice WHERE agency_id = $1`, [i.digdir]);
      const again = (await run(ola, true, 'laerlinger.csv', csv(good))).data!['applyApprenticeImport'];
      expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
      expect(await count()).toBe(n0 + 3);
      expect(await sql(`SELECT max(updated_at) AS t FROM apprentice WHERE agency_id = $1`, [i.digdir])).toEqual(stamp);
      const county = await sql(
        `SELECT c.county FROM apprenticeship_contract c JOIN apprentice a ON a.id = c.apprentice_id WHERE a.email = 'per.import@digdir.no'`,
      );
      expect(county).toEqual([{ county: 'Vestland' }]);

      // The same people as an XLSX with one end moved: one update, real dates in the cells.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Lærlinger');
      ws.addRow(head);
      ws.addRow([
        'Kari Import',
        'kari.import@digdir.no',
        'IKT-servicefaget',
        new Date(Date.UTC(2026, 7, 15)),
        new Date(Date.UTC(2028, 9, 31)),
        'Oslo',
      ]);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const x = (await run(ola, true, 'eksport.xlsx', xlsx)).data!['applyApprenticeImport'];
      expect(x).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 0 });
      expect(await sql(`SELECT contract_end::text AS e FROM apprentice WHERE email = 'kari.import@digdir.no'`)).toEqual([
        { e: '2028-10-31' },
      ]);
    });

    it('shows each bad row with what is wrong, and applies nothing of a file with errors', async () => {
      const bad = [
        head,
        ['Ok Person', 'ok.person@digdir.no', 'Kokkfaget', '2026-08-15', '2028-08-14', 'Oslo'],
        ['X', 'ikke-en-adresse', 'Astronaut', '31.02.2026', '2028-08-14', 'Hedmark'],
        ['Dobbel Adresse', 'ok.person@digdir.no', 'Kokkfaget', '2026-08-15', '2026-08-01', 'Oslo'],
      ];
      const preview = (await run(ola, false, 'feil.csv', csv(bad))).data!['previewApprenticeImport'];
      expect(preview.valid).toBe(false);
      expect(preview.rows[0]).toMatchObject({ row: 2, action: 'CREATE', errors: [] });
      expect(preview.rows[1].errors.map((e: { field: string }) => e.field).sort()).toEqual(['county', 'email', 'name', 'start', 'trade']);
      expect(preview.rows[2].errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'end']);
      const n0 = await count();
      const applied = await run(ola, true, 'feil.csv', csv(bad));
      expect(code(applied)).toBe('VALIDATION_FAILED');
      expect(await count()).toBe(n0);
      // A file without the columns, and one that is not a spreadsheet at all.
      expect(code(await run(ola, false, 'tom.csv', csv([['Navn', 'E-post']])))).toBe('VALIDATION_FAILED');
      expect(code(await run(ola, false, 'rot.xlsx', Buffer.from('not a zip').toString('base64')))).toBe('VALIDATION_FAILED');
      // Another agency's coordinator cannot import into Digdir.
      expect(code(await run(ingrid, false, 'laerlinger.csv', csv(good)))).toBe('NOT_FOUND');
    });
  });
});
