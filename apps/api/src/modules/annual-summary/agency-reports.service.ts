import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, reportEditable, ReportStatus, reportStatus, Role } from '@laerenett/shared-domain';
import { canManageAgency, isAdmin } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { AnnualSummaryException } from './annual-summary.exception';
import { ReopenAgencyReportInput, SaveAgencyReportInput } from './dto/annual-summary.inputs';
import { AgencyReportEntity } from './entities/agency-report.entity';
import { AgencyReportModel, SummaryBoardModel } from './models/annual-summary.models';
import { ReportAgency, ReportFiguresService } from './report-figures.service';
import { agencyNotFound, assertManagesSummary, conflict, invalid, summaryArea } from './summary-access';
import { SummaryCycleService } from './summary-cycle.service';
import { reportReopenedMail } from './templates/summary.mails';
import { submittedLate } from './utils/compile-summary.util';

/**
 * The agencies' December reports: each agency writes, saves and submits its own (pre-filled with
 * the platform's figures, frozen with them when submitted); the ministry reopens one with a reason
 * and follows every agency's status on its board.
 */
@Injectable()
export class AgencyReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cycle: SummaryCycleService,
    private readonly figures: ReportFiguresService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The agency asked for (the actor's own when left out), if the actor may see its report. */
  private async agency(actor: Actor, agencyIdArg: string | undefined, m: EntityManager = this.ds.manager): Promise<ReportAgency> {
    const agencyId = agencyIdArg ?? actor.agencyId;
    if (!agencyId) throw invalid('agencyId', 'Choose an agency');
    const [a]: ReportAgency[] = await m.query(`SELECT id, name, area_id, is_ministry, employees FROM ${AGENCY_DIRECTORY} WHERE id = $1`, [
      agencyId,
    ]);
    if (!a || !canManageAgency(actor, { id: a.id, areaId: a.area_id })) throw agencyNotFound();
    return a;
  }

  /** Only the agency itself writes its report (admins may, to help). */
  private writer(actor: Actor, a: ReportAgency): void {
    if (isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === a.id)) return;
    throw new AnnualSummaryException(ErrorCode.FORBIDDEN, 'Only the agency writes its own report; the ministry can reopen a submitted one');
  }

  async report(actor: Actor, agencyIdArg: string | undefined, year: number): Promise<AgencyReportModel> {
    const a = await this.agency(actor, agencyIdArg);
    return this.reportModel(actor, a, year);
  }

  private async reportModel(actor: Actor, a: ReportAgency, year: number): Promise<AgencyReportModel> {
    const [row, d, sent, figures] = await Promise.all([
      this.ds.getRepository(AgencyReportEntity).findOne({ where: { agencyId: a.id, year } }),
      this.cycle.dates(a.area_id, year),
      this.cycle.sentVersion(a.area_id, year),
      this.figures.figures(a, year),
    ]);
    const today = this.cycle.today();
    const submitted = !!row?.submittedAt;
    const writer = isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === a.id);
    const manager = isAdmin(actor) || (actor.role === Role.MINISTRY_COORDINATOR && actor.areaId === a.area_id);
    const submittedBy = row?.submittedByUserId
      ? (((await this.ds.query(`SELECT name FROM ${USER_DIRECTORY} WHERE id = $1`, [row.submittedByUserId])) as { name: string }[])[0]
          ?.name ?? null)
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
  private async assertWritable(a: ReportAgency, year: number, m: EntityManager): Promise<void> {
    const d = await this.cycle.dates(a.area_id, year, m);
    const today = this.cycle.today();
    if (a.is_ministry) throw conflict('The ministry compiles the summary; it does not send a report to itself', 'MINISTRY_AGENCY');
    if (today < d.opensOn) throw conflict(`Reporting for ${year} opens on ${d.opensOn}`, 'NOT_OPEN');
    await this.cycle.assertNotSent(a.area_id, year, m);
  }

  async save(actor: Actor, input: SaveAgencyReportInput): Promise<AgencyReportModel> {
    const a = await this.agency(actor, input.agencyId);
    this.writer(actor, a);
    const tradeIds = [...new Set(input.nextYearTradeIds.map((t) => t.toLowerCase()))];
    if (tradeIds.length) {
      const [{ n }] = (await this.ds.query(`SELECT count(*)::int AS n FROM ${TRADE_DIRECTORY} WHERE id = ANY($1::uuid[])`, [tradeIds])) as {
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
      const figures = await this.figures.figures(a, year, m);
      await m.update(
        AgencyReportEntity,
        { id: row.id },
        { submittedAt: this.clock.now(), submittedByUserId: actor.id, submittedFigures: figures, updatedByUserId: actor.id },
      );
    });
    return this.reportModel(actor, a, year);
  }

  async reopen(actor: Actor, input: ReopenAgencyReportInput): Promise<AgencyReportModel> {
    const a = await this.agency(actor, input.agencyId);
    assertManagesSummary(actor, a.area_id);
    const mailIds = await this.ds.transaction(async (m) => {
      await this.cycle.assertNotSent(a.area_id, input.year, m);
      const now = this.clock.now();
      // An UPDATE … RETURNING comes back as [rows, count].
      const [updated]: [{ id: string }[], number] = await m.query(
        `UPDATE agency_report SET submitted_at = NULL, submitted_by_user_id = NULL, submitted_figures = NULL, reopened_at = $3, reopen_reason = $4, updated_at = now()
          WHERE agency_id = $1 AND year = $2 AND submitted_at IS NOT NULL RETURNING id`,
        [a.id, input.year, now, input.reason.trim()],
      );
      if (!updated.length) throw conflict('Only a submitted report can be reopened', 'NOT_SUBMITTED');
      const coordinators: { email: string; name: string; language: string }[] = await m.query(
        `SELECT email, name, language FROM ${USER_DIRECTORY} WHERE role = 'AGENCY_COORDINATOR' AND agency_id = $1`,
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

  /** The ministry's status board: every agency's report for the year. */
  async board(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryBoardModel> {
    const areaId = summaryArea(actor, areaIdArg);
    assertManagesSummary(actor, areaId);
    const d = await this.cycle.dates(areaId, year);
    const today = this.cycle.today();
    const rows: { id: string; name: string; report_id: string | null; submitted_at: Date | null; updated_at: Date | null }[] =
      await this.ds.query(
        `SELECT a.id, a.name, r.id AS report_id, r.submitted_at, r.updated_at
         FROM ${AGENCY_DIRECTORY} a LEFT JOIN agency_report r ON r.agency_id = a.id AND r.year = $2
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
}
