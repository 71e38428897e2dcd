import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  autoCompileDay,
  defaultSummaryDates,
  ErrorCode,
  isIsoDate,
  minimumRule,
  reminderDays,
  reportEditable,
  ReportStatus,
  reportStatus,
  Role,
  SummaryDates,
  summaryDateProblems,
} from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { areaWork, isAdmin } from '../../common/access-policy';
import { CLOCK } from '../../common/clock';
import { todayInOslo } from '../../common/time';
import { AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { AnnualSummaryException } from './annual-summary.exception';
import { ReopenAgencyReportInput, SaveAgencyReportInput, UpdateSummaryCycleInput } from './dto/annual-summary.inputs';
import { AgencyReportEntity } from './entities/agency-report.entity';
import { CompilationStatus, CompilationTrigger, SummaryCompilationEntity } from './entities/summary-compilation.entity';
import { SummaryCycleEntity } from './entities/summary-cycle.entity';
import { SummaryVersionEntity } from './entities/summary-version.entity';
import { compileJob, sendJob } from './jobs/annual-summary.job';
import { OutboxService } from '../queue/outbox.service';
import {
  AgencyReportModel,
  ReportFiguresModel,
  SummaryBoardModel,
  SummaryCompilationModel,
  SummaryContentModel,
  SummaryCycleModel,
  SummaryVersionModel,
} from './models/annual-summary.models';
import { reportReopenedMail } from './templates/summary.mails';
import { submittedLate, type SummaryData } from './utils/compile-summary.util';
import { MINIMUM_RULE_SQL } from './annual-summary.sql';

const areaNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
const agencyNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to its report');
const versionNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The summary version was not found, or you do not have access to it');
const invalid = (field: string, message: string) =>
  new AnnualSummaryException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });
const conflict = (message: string, reason: string) => new AnnualSummaryException(ErrorCode.CONFLICT, message, { reason });

interface AgencyRow {
  id: string;
  name: string;
  area_id: string;
  is_ministry: boolean;
  employees: number;
}

export type SummaryFile = 'pdf-nb' | 'pdf-en' | 'xlsx';

/**
 * Serialises what changes an area's versions for a year (starting a compilation, numbering a
 * version, sending one) for the rest of the caller's transaction.
 */
export const lockAreaYear = (m: EntityManager, areaId: string, year: number) =>
  m.query(`SELECT pg_advisory_xact_lock(hashtext('summary:' || $1 || ':' || $2))`, [areaId, year]);

/** A compilation's overall progress: collecting 5 %, the agencies up to 70 %, the files and saving the rest. */
export function compilationPercent(c: { status: CompilationStatus; step: string; done: number; total: number }): number {
  if (c.status === CompilationStatus.COMPLETE) return 100;
  const agencies = c.total > 0 ? c.done / c.total : 0;
  switch (c.step) {
    case 'collect':
      return 5;
    case 'agencies':
      return Math.round(5 + 65 * agencies);
    case 'pdf':
      return 75;
    case 'xlsx':
      return 90;
    case 'save':
      return 95;
    default:
      return 0;
  }
}

export const toCompilationModel = (c: SummaryCompilationEntity): SummaryCompilationModel => ({
  id: c.id,
  year: c.year,
  trigger: c.trigger,
  status: c.status,
  step: c.step,
  done: c.done,
  total: c.total,
  currentItem: c.currentItem,
  percent: compilationPercent(c),
  versionId: c.versionId,
  error: c.error,
  createdAt: c.createdAt,
  startedAt: c.startedAt,
  finishedAt: c.finishedAt,
});

/**
 * The December summary's rules: the year's dates, the agencies' reports and the ministry's
 * status board, starting compilations, the versions and their files, and sending one.
 * "Today" comes from the clock (tests move it), in Europe/Oslo.
 */
@Injectable()
export class AnnualSummaryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  today(): string {
    return todayInOslo(CLOCK.now());
  }

  // ——— Access ———

  private areaOf(actor: Actor, areaIdArg: string | undefined): string {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId) throw invalid('areaId', 'Choose a ministry area');
    return areaId;
  }

  /** The ministry coordinator of the area and admins manage; the area's agency coordinators read. */
  private access(actor: Actor, areaId: string): 'manage' | 'read' {
    const work = areaWork(actor, areaId);
    if (!work) throw areaNotFound();
    return work;
  }

  private manage(actor: Actor, areaId: string): void {
    if (this.access(actor, areaId) !== 'manage')
      throw new AnnualSummaryException(
        ErrorCode.FORBIDDEN,
        "Only the ministry area's coordinator can do this; agencies write their own reports",
      );
  }

  private async agency(actor: Actor, agencyIdArg: string | undefined, m: EntityManager = this.ds.manager): Promise<AgencyRow> {
    const agencyId = agencyIdArg ?? actor.agencyId;
    if (!agencyId) throw invalid('agencyId', 'Choose an agency');
    const [a]: AgencyRow[] = await m.query(`SELECT id, name, area_id, is_ministry, employees FROM agency WHERE id = $1`, [agencyId]);
    if (!a) throw agencyNotFound();
    const mine = actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === a.id;
    if (!mine && !isAdmin(actor) && !(actor.role === Role.MINISTRY_COORDINATOR && actor.areaId === a.area_id)) throw agencyNotFound();
    return a;
  }

  /** Only the agency itself writes its report (admins may, to help). */
  private writer(actor: Actor, a: AgencyRow): void {
    if (isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === a.id)) return;
    throw new AnnualSummaryException(ErrorCode.FORBIDDEN, 'Only the agency writes its own report; the ministry can reopen a submitted one');
  }

  // ——— Dates ———

  async dates(areaId: string, year: number, m: EntityManager = this.ds.manager): Promise<SummaryDates & { isDefault: boolean }> {
    const row = await m.findOne(SummaryCycleEntity, { where: { areaId, year } });
    return row
      ? {
          opensOn: row.opensOn,
          agencyDeadline: row.agencyDeadline,
          compileFrom: row.compileFrom,
          compileTo: row.compileTo,
          sendBy: row.sendBy,
          isDefault: false,
        }
      : { ...defaultSummaryDates(year), isDefault: true };
  }

  async sentVersion(areaId: string, year: number, m: EntityManager = this.ds.manager): Promise<SummaryVersionEntity | null> {
    return m
      .createQueryBuilder(SummaryVersionEntity, 'v')
      .where('v.area_id = :areaId AND v.year = :year AND v.sent_at IS NOT NULL', { areaId, year })
      .getOne();
  }

  private async assertNotSent(areaId: string, year: number, m?: EntityManager) {
    const sent = await this.sentVersion(areaId, year, m);
    if (sent) throw conflict(`The ${year} summary was sent (version ${sent.version}); the year is closed`, 'SUMMARY_SENT');
  }

  async cycle(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCycleModel> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.access(actor, areaId);
    const d = await this.dates(areaId, year);
    const sent = await this.sentVersion(areaId, year);
    return {
      areaId,
      year,
      ...d,
      reminderDays: reminderDays(d),
      autoCompileOn: autoCompileDay(d),
      today: this.today(),
      sentAt: sent?.sentAt ?? null,
    };
  }

  async updateCycle(actor: Actor, input: UpdateSummaryCycleInput): Promise<SummaryCycleModel> {
    const areaId = this.areaOf(actor, input.areaId);
    this.manage(actor, areaId);
    const d: SummaryDates = {
      opensOn: input.opensOn,
      agencyDeadline: input.agencyDeadline,
      compileFrom: input.compileFrom,
      compileTo: input.compileTo,
      sendBy: input.sendBy,
    };
    for (const [k, v] of Object.entries(d)) if (!isIsoDate(v)) throw invalid(k, `${v} is not a date in the calendar`);
    const problems = Object.entries(summaryDateProblems(input.year, d));
    if (problems.length) {
      throw new AnnualSummaryException(
        ErrorCode.VALIDATION_FAILED,
        `The dates do not fit the cycle: ${problems.map(([k, p]) => `${k} ${p}`).join('; ')}`,
        {
          fields: Object.fromEntries(problems.map(([k, p]) => [k, [p]])),
        },
      );
    }
    await this.ds.transaction(async (m) => {
      await this.assertNotSent(areaId, input.year, m);
      await m.query(
        `INSERT INTO summary_cycle (area_id, year, opens_on, agency_deadline, compile_from, compile_to, send_by, updated_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (area_id, year) DO UPDATE SET opens_on = $3, agency_deadline = $4, compile_from = $5, compile_to = $6, send_by = $7, updated_by_user_id = $8, updated_at = now()`,
        [areaId, input.year, d.opensOn, d.agencyDeadline, d.compileFrom, d.compileTo, d.sendBy, actor.id],
      );
    });
    return this.cycle(actor, areaId, input.year);
  }

  // ——— The agency's report ———

  /** The platform's figures for one agency's year. */
  async figures(a: AgencyRow, year: number, m: EntityManager = this.ds.manager): Promise<ReportFiguresModel> {
    const today = this.today();
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const snap = `${year}-10-01`;
    const prev = `${year - 1}-10-01`;
    const [trades, target, rule, gatherings, pool, hosted, competence] = await Promise.all([
      m.query(
        `SELECT tr.name_nb AS name,
                count(*) FILTER (WHERE p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date)::int AS now,
                count(*) FILTER (WHERE p.contract_start <= $3::date AND LEAST(p.ended_on, p.contract_end) >= $3::date)::int AS snapshot,
                count(*) FILTER (WHERE p.contract_start <= $4::date AND LEAST(p.ended_on, p.contract_end) >= $4::date)::int AS prev
           FROM apprentice p JOIN trade tr ON tr.id = p.trade_id
          WHERE p.agency_id = $1 AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= $4::date
          GROUP BY tr.name_nb ORDER BY tr.name_nb`,
        [a.id, asOf, snap, prev],
      ) as Promise<{ name: string; now: number; snapshot: number; prev: number }[]>,
      m.query(`SELECT total FROM target WHERE agency_id = $1 AND year = $2`, [a.id, year]) as Promise<{ total: number }[]>,
      m.query(MINIMUM_RULE_SQL, [year]) as Promise<{ threshold: number }[]>,
      // Who took part: checked in, or, where nobody was checked in, said yes.
      m.query(
        `SELECT g.title, to_char(g.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS date, array_agg(u.name ORDER BY u.name) AS people
           FROM gathering g
           JOIN gathering_rsvp r ON r.gathering_id = g.id AND r.agency_id = $1
           JOIN app_user u ON u.id = r.user_id
          WHERE g.status = 'PUBLISHED' AND g.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND g.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
            AND (g.starts_at AT TIME ZONE 'Europe/Oslo')::date <= $3::date
            AND (r.checked_in_at IS NOT NULL OR (r.state = 'YES' AND NOT EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL)))
          GROUP BY g.id ORDER BY g.starts_at`,
        [a.id, year, asOf],
      ) as Promise<{ title: string; date: string; people: string[] }[]>,
      m.query(
        `SELECT e.title, h.name AS "hostName", count(DISTINCT s.user_id)::int AS helpers,
                sum(coalesce(s.hours, round((extract(epoch FROM x.ends_at - x.starts_at) / 3600)::numeric, 2)))::float AS hours
           FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id JOIN agency h ON h.id = e.agency_id
          WHERE s.agency_id = $1 AND s.state = 'APPROVED' AND s.attendance = 'PRESENT'
            AND x.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND x.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
          GROUP BY e.id, e.title, h.name ORDER BY min(x.starts_at)`,
        [a.id, year],
      ) as Promise<{ title: string; hostName: string; helpers: number; hours: number }[]>,
      m.query(
        `SELECT count(*)::int AS n FROM pooled_event WHERE agency_id = $1 AND status = 'APPROVED' AND starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
        [a.id, year],
      ) as Promise<{ n: number }[]>,
      m.query(
        `SELECT u.name, s.name AS subject FROM competence_apprentice c JOIN competence_subject s ON s.id = c.subject_id JOIN app_user u ON u.id = c.user_id
          WHERE u.agency_id = $1 ORDER BY u.name, s.name`,
        [a.id],
      ) as Promise<{ name: string; subject: string }[]>,
    ]);
    const snapshot = trades.reduce((t, r) => t + r.snapshot, 0);
    const threshold = rule[0]?.threshold ?? 100;
    const r = minimumRule(a.employees, snapshot, threshold);
    return {
      snapshotDate: snap,
      asOf,
      snapshot,
      snapshotLastYear: trades.reduce((t, x) => t + x.prev, 0),
      now: trades.reduce((t, x) => t + x.now, 0),
      target: target[0]?.total ?? null,
      threshold,
      ruleApplies: r.applies,
      meetsRule: r.met,
      trades: trades.filter((t) => t.now + t.snapshot > 0).map((t) => ({ name: t.name, now: t.now, snapshot: t.snapshot })),
      gatherings,
      poolEvents: pool.map((p) => ({ ...p, hours: Math.round(p.hours * 100) / 100 })),
      poolHours: Math.round(pool.reduce((t, p) => t + p.hours, 0) * 100) / 100,
      poolEventsHosted: hosted[0]?.n ?? 0,
      competenceApprentices: competence,
    };
  }

  async report(actor: Actor, agencyIdArg: string | undefined, year: number): Promise<AgencyReportModel> {
    const a = await this.agency(actor, agencyIdArg);
    return this.reportModel(actor, a, year);
  }

  private async reportModel(actor: Actor, a: AgencyRow, year: number): Promise<AgencyReportModel> {
    const [row, d, sent, figures] = await Promise.all([
      this.ds.getRepository(AgencyReportEntity).findOne({ where: { agencyId: a.id, year } }),
      this.dates(a.area_id, year),
      this.sentVersion(a.area_id, year),
      this.figures(a, year),
    ]);
    const today = this.today();
    const submitted = !!row?.submittedAt;
    const writer = isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === a.id);
    const manager = isAdmin(actor) || (actor.role === Role.MINISTRY_COORDINATOR && actor.areaId === a.area_id);
    const submittedBy = row?.submittedByUserId
      ? (((await this.ds.query(`SELECT name FROM app_user WHERE id = $1`, [row.submittedByUserId])) as { name: string }[])[0]?.name ?? null)
      : null;
    return {
      id: row?.id ?? null,
      agencyId: a.id,
      agencyName: a.name,
      year,
      status: reportStatus(row ? { submitted } : null, d.agencyDeadline, today),
      editable: writer && reportEditable({ today, opensOn: d.opensOn, submitted, summarySent: !!sent }),
      canReopen: manager && submitted && !sent,
      opensOn: d.opensOn,
      deadline: d.agencyDeadline,
      yearInReview: row?.yearInReview ?? '',
      whatWorked: row?.whatWorked ?? '',
      challenges: row?.challenges ?? '',
      nextYearTradeIds: row?.nextYearTradeIds ?? [],
      nextYearTradesNote: row?.nextYearTradesNote ?? '',
      targetNextYear: row?.targetNextYear ?? null,
      submittedAt: row?.submittedAt ?? null,
      submittedByName: submittedBy,
      submittedLate: submittedLate(row?.submittedAt, d.agencyDeadline),
      reopenedAt: row?.reopenedAt ?? null,
      reopenReason: row?.reopenReason ?? '',
      updatedAt: row?.updatedAt ?? null,
      figures,
    };
  }

  /** Checks that the agency may change its report now, inside the caller's transaction. */
  private async assertWritable(a: AgencyRow, year: number, m: EntityManager): Promise<void> {
    const d = await this.dates(a.area_id, year, m);
    const today = this.today();
    if (a.is_ministry) throw conflict('The ministry compiles the summary; it does not send a report to itself', 'MINISTRY_AGENCY');
    if (today < d.opensOn) throw conflict(`Reporting for ${year} opens on ${d.opensOn}`, 'NOT_OPEN');
    await this.assertNotSent(a.area_id, year, m);
  }

  async save(actor: Actor, input: SaveAgencyReportInput): Promise<AgencyReportModel> {
    const a = await this.agency(actor, input.agencyId);
    this.writer(actor, a);
    const tradeIds = [...new Set(input.nextYearTradeIds.map((t) => t.toLowerCase()))];
    if (tradeIds.length) {
      const [{ n }] = (await this.ds.query(`SELECT count(*)::int AS n FROM trade WHERE id = ANY($1::uuid[])`, [tradeIds])) as {
        n: number;
      }[];
      if (n !== tradeIds.length) throw invalid('nextYearTradeIds', 'One of the trades does not exist; choose trades from the list');
    }
    await this.ds.transaction(async (m) => {
      await this.assertWritable(a, input.year, m);
      const rows: { id: string }[] = await m.query(
        `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, what_worked, challenges, next_year_trade_ids, next_year_trades_note, target_next_year, updated_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10)
         ON CONFLICT (agency_id, year) DO UPDATE SET year_in_review = $4, what_worked = $5, challenges = $6, next_year_trade_ids = $7::uuid[], next_year_trades_note = $8, target_next_year = $9, updated_by_user_id = $10, updated_at = now()
           WHERE agency_report.submitted_at IS NULL
         RETURNING id`,
        [
          a.area_id,
          a.id,
          input.year,
          input.yearInReview.trim(),
          input.whatWorked.trim(),
          input.challenges.trim(),
          tradeIds,
          input.nextYearTradesNote.trim(),
          input.targetNextYear ?? null,
          actor.id,
        ],
      );
      if (!rows.length) throw conflict('The report has been submitted; ask the ministry to reopen it to make changes', 'SUBMITTED');
    });
    return this.reportModel(actor, a, input.year);
  }

  async submit(actor: Actor, agencyIdArg: string | undefined, year: number): Promise<AgencyReportModel> {
    const a = await this.agency(actor, agencyIdArg);
    this.writer(actor, a);
    await this.ds.transaction(async (m) => {
      await this.assertWritable(a, year, m);
      const [row]: { id: string; submitted_at: Date | null; year_in_review: string }[] = await m.query(
        `SELECT id, submitted_at, year_in_review FROM agency_report WHERE agency_id = $1 AND year = $2 FOR UPDATE`,
        [a.id, year],
      );
      if (!row) throw invalid('yearInReview', 'Save the report as a draft first: write how the year went');
      if (row.submitted_at) throw conflict('The report has already been submitted', 'SUBMITTED');
      if (!row.year_in_review.trim()) throw invalid('yearInReview', 'Write how the year went before you submit');
      const figures = await this.figures(a, year, m);
      await m.update(
        AgencyReportEntity,
        { id: row.id },
        { submittedAt: CLOCK.now(), submittedByUserId: actor.id, submittedFigures: figures, updatedByUserId: actor.id },
      );
    });
    return this.reportModel(actor, a, year);
  }

  async reopen(actor: Actor, input: ReopenAgencyReportInput): Promise<AgencyReportModel> {
    const a = await this.agency(actor, input.agencyId);
    this.manage(actor, a.area_id);
    const mailIds = await this.ds.transaction(async (m) => {
      await this.assertNotSent(a.area_id, input.year, m);
      const now = CLOCK.now();
      // An UPDATE … RETURNING comes back as [rows, count].
      const [updated]: [{ id: string }[], number] = await m.query(
        `UPDATE agency_report SET submitted_at = NULL, submitted_by_user_id = NULL, submitted_figures = NULL, reopened_at = $3, reopen_reason = $4, updated_at = now()
          WHERE agency_id = $1 AND year = $2 AND submitted_at IS NOT NULL RETURNING id`,
        [a.id, input.year, now, input.reason.trim()],
      );
      if (!updated.length) throw conflict('Only a submitted report can be reopened', 'NOT_SUBMITTED');
      const coordinators: { email: string; name: string; language: string }[] = await m.query(
        `SELECT email, name, language FROM app_user WHERE role = 'AGENCY_COORDINATOR' AND agency_id = $1`,
        [a.id],
      );
      const ids: string[] = [];
      for (const c of coordinators) {
        const lang = mailLanguage(c.language);
        const mail = reportReopenedMail(lang, {
          name: c.name,
          agencyName: a.name,
          year: input.year,
          reason: input.reason.trim(),
          by: actor.name,
          url: `${this.config.app.publicUrl}/arsrapport`,
        });
        ids.push(await this.mail.record({ ...mail, purpose: `summary-reopened:${updated[0].id}:${now.toISOString()}`, to: c.email }, m));
      }
      return ids;
    });
    await this.mail.dispatch(mailIds);
    return this.reportModel(actor, a, input.year);
  }

  // ——— The ministry's status board ———

  async board(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryBoardModel> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.manage(actor, areaId);
    const d = await this.dates(areaId, year);
    const today = this.today();
    const rows: { id: string; name: string; report_id: string | null; submitted_at: Date | null; updated_at: Date | null }[] =
      await this.ds.query(
        `SELECT a.id, a.name, r.id AS report_id, r.submitted_at, r.updated_at
         FROM agency a LEFT JOIN agency_report r ON r.agency_id = a.id AND r.year = $2
        WHERE a.area_id = $1 AND NOT a.is_ministry ORDER BY a.name`,
        [areaId, year],
      );
    const out = rows.map((r) => ({
      agencyId: r.id,
      agencyName: r.name,
      status: reportStatus(r.report_id ? { submitted: !!r.submitted_at } : null, d.agencyDeadline, today),
      submittedAt: r.submitted_at,
      submittedLate: submittedLate(r.submitted_at, d.agencyDeadline),
      updatedAt: r.updated_at,
    }));
    const count = (s: ReportStatus) => out.filter((r) => r.status === s).length;
    return {
      year,
      deadline: d.agencyDeadline,
      counts: {
        notStarted: count(ReportStatus.NOT_STARTED),
        draft: count(ReportStatus.DRAFT),
        submitted: count(ReportStatus.SUBMITTED),
        late: count(ReportStatus.LATE),
      },
      rows: out,
    };
  }

  // ——— Compilations ———

  /** Starts a compilation, or returns the one already waiting or running for the area and year. */
  async compile(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCompilationModel> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.manage(actor, areaId);
    const c = await this.startCompilation(areaId, year, CompilationTrigger.MANUAL, actor.id);
    return toCompilationModel(c as SummaryCompilationEntity);
  }

  /**
   * Records a compilation and queues its job (the job id is the compilation's id). Under a lock
   * per area and year: a compilation already waiting or running is returned instead of a second.
   * The schedule's automatic one happens at most once per area and year (null when it has).
   */
  async startCompilation(
    areaId: string,
    year: number,
    trigger: CompilationTrigger,
    userId: string | null,
  ): Promise<SummaryCompilationEntity | null> {
    const c = await this.ds.transaction(async (m) => {
      await lockAreaYear(m, areaId, year);
      await this.assertNotSent(areaId, year, m);
      const running = await m.findOne(SummaryCompilationEntity, {
        where: [
          { areaId, year, status: CompilationStatus.QUEUED },
          { areaId, year, status: CompilationStatus.RUNNING },
        ],
        order: { createdAt: 'DESC' },
      });
      let found: SummaryCompilationEntity | null = running;
      if (running && trigger === CompilationTrigger.AUTO) return null;
      if (!running) {
        if (trigger === CompilationTrigger.AUTO && (await m.count(SummaryCompilationEntity, { where: { areaId, year } }))) return null;
        const [row]: { id: string }[] = await m.query(
          `INSERT INTO summary_compilation (area_id, year, trigger, requested_by_user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
          [areaId, year, trigger, userId],
        );
        found = row ? await m.findOneByOrFail(SummaryCompilationEntity, { id: row.id }) : null;
      }
      // Recorded with the compilation (the outbox), and again for one already waiting or running:
      // the job id is the compilation's, so a job still in the queue is not doubled, and one lost
      // with the queue (a flushed Redis) is restored.
      if (found) await this.outbox.record(m, [compileJob(found.id)]);
      return found;
    });
    if (c) await this.outbox.flush([compileJob(c.id).jobId]);
    return c;
  }

  async compilation(actor: Actor, id: string): Promise<SummaryCompilationModel> {
    const c = await this.ds.getRepository(SummaryCompilationEntity).findOne({ where: { id } });
    if (!c) throw new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The compilation was not found, or you do not have access to it');
    try {
      this.manage(actor, c.areaId);
    } catch {
      throw new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The compilation was not found, or you do not have access to it');
    }
    return toCompilationModel(c);
  }

  async latestCompilation(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCompilationModel | null> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.manage(actor, areaId);
    const c = await this.ds.getRepository(SummaryCompilationEntity).findOne({ where: { areaId, year }, order: { createdAt: 'DESC' } });
    return c ? toCompilationModel(c) : null;
  }

  // ——— Versions ———

  /** Versions without their content: lists read only the totals out of each version's figures. */
  private async versionModels(where: string, params: unknown[]): Promise<SummaryVersionModel[]> {
    const rows: {
      id: string;
      area_id: string;
      area_name: string;
      year: number;
      version: number;
      created_at: Date;
      created_by: string | null;
      sent_at: Date | null;
      sent_by: string | null;
      totals: SummaryData['totals'];
      recipients: number;
      delivered: number;
    }[] = await this.ds.query(
      `SELECT v.id, v.area_id, ar.name AS area_name, v.year, v.version, v.created_at, cu.name AS created_by, v.sent_at, su.name AS sent_by, v.data -> 'totals' AS totals,
              coalesce(mm.recipients, 0)::int AS recipients, coalesce(mm.delivered, 0)::int AS delivered
         FROM summary_version v JOIN ministry_area ar ON ar.id = v.area_id
         LEFT JOIN app_user cu ON cu.id = v.created_by_user_id LEFT JOIN app_user su ON su.id = v.sent_by_user_id
         LEFT JOIN LATERAL (SELECT count(*) AS recipients, count(*) FILTER (WHERE status = 'SENT') AS delivered FROM mail_message
                             WHERE v.sent_at IS NOT NULL AND purpose = 'annual-summary:' || v.area_id || ':' || v.year) mm ON true
        WHERE ${where}
        ORDER BY v.year DESC, v.version DESC`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      areaId: r.area_id,
      areaName: r.area_name,
      year: r.year,
      version: r.version,
      createdAt: r.created_at,
      createdByName: r.created_by,
      sentAt: r.sent_at,
      sentByName: r.sent_by,
      recipients: r.recipients,
      delivered: r.delivered,
      totals: r.totals,
    }));
  }

  /** The year's versions: all of them for the ministry; only the sent one for the area's agencies. */
  async versions(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryVersionModel[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    const access = this.access(actor, areaId);
    return this.versionModels(`v.area_id = $1 AND v.year = $2${access === 'manage' ? '' : ' AND v.sent_at IS NOT NULL'}`, [areaId, year]);
  }

  /** The area's archive: the summary sent each year. */
  async archive(actor: Actor, areaIdArg: string | undefined): Promise<SummaryVersionModel[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.access(actor, areaId);
    return this.versionModels(`v.area_id = $1 AND v.sent_at IS NOT NULL`, [areaId]);
  }

  private async readableVersion(actor: Actor, id: string): Promise<SummaryVersionModel> {
    const [v] = await this.versionModels(`v.id = $1`, [id]);
    if (!v) throw versionNotFound();
    let access: 'manage' | 'read';
    try {
      access = this.access(actor, v.areaId);
    } catch {
      throw versionNotFound();
    }
    if (access === 'read' && !v.sentAt) throw versionNotFound();
    return v;
  }

  async version(actor: Actor, id: string): Promise<SummaryVersionModel> {
    const v = await this.readableVersion(actor, id);
    const [{ data }]: { data: SummaryData }[] = await this.ds.query(`SELECT data FROM summary_version WHERE id = $1`, [id]);
    const content: SummaryContentModel = {
      ...data,
      criteria: data.criteria.map((c) => ({
        label: c.label,
        status: c.status,
        value: c.value,
        required: c.required,
        missingNames: c.missing.map((x) => x.name),
      })),
    };
    return { ...v, content };
  }

  async file(actor: Actor, id: string, kind: SummaryFile): Promise<{ body: Buffer; year: number; version: number }> {
    const v = await this.readableVersion(actor, id);
    const column = kind === 'xlsx' ? 'xlsx' : kind === 'pdf-en' ? 'pdf_en' : 'pdf_nb';
    const [row]: { body: Buffer }[] = await this.ds.query(`SELECT ${column} AS body FROM summary_version WHERE id = $1`, [id]);
    return { body: row.body, year: v.year, version: v.version };
  }

  /** The PDF of a version in a language, for mail attachments (`summary-pdf:<id>:<lang>`). */
  async pdfFor(key: string): Promise<Buffer> {
    const [id, lang] = key.split(':');
    const [row]: { body: Buffer }[] = await this.ds.query(
      `SELECT ${lang === 'en' ? 'pdf_en' : 'pdf_nb'} AS body FROM summary_version WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`Summary version ${id} is gone`);
    return row.body;
  }

  // ——— Sending ———

  /**
   * Freezes the version as the year's summary and queues the mail to the network. Sending the
   * same version again changes nothing (the job and every mail are once-only); another version
   * of a year already sent is refused.
   */
  async send(actor: Actor, versionId: string): Promise<SummaryVersionModel> {
    const v = await this.ds.getRepository(SummaryVersionEntity).findOne({ where: { id: versionId } });
    if (!v) throw versionNotFound();
    try {
      this.manage(actor, v.areaId);
    } catch (e) {
      if ((e as AnnualSummaryException).code === ErrorCode.FORBIDDEN) throw e;
      throw versionNotFound();
    }
    await this.ds.transaction(async (m) => {
      await lockAreaYear(m, v.areaId, v.year);
      const sent = await this.sentVersion(v.areaId, v.year, m);
      if (sent && sent.id !== v.id)
        throw conflict(`Version ${sent.version} of the ${v.year} summary has already been sent; the year is closed`, 'SUMMARY_SENT');
      if (!sent) await m.update(SummaryVersionEntity, { id: v.id }, { sentAt: CLOCK.now(), sentByUserId: actor.id });
      await this.outbox.record(m, [sendJob(v.id)]);
    });
    await this.outbox.flush([sendJob(v.id).jobId]);
    return this.version(actor, v.id);
  }
}
