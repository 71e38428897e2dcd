import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defaultSummaryDates, SummaryAction, summaryActionsOn, SummaryDates } from '@laerenett/shared-domain';
import { AppConfig } from '../../config/config';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { AREA_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { SummaryCompilationsService } from './summary-compilations.service';
import { CompilationTrigger } from './entities/summary-compilation.entity';
import { lateReportsMail, reportReminderMail } from './templates/summary.mails';

interface Person {
  email: string;
  name: string;
  language: string;
  agency_name?: string;
}

/**
 * The December summary's daily sweep: opening, reminders to agencies that have not submitted,
 * the late notice to the ministry, the automatic compilation. Every mail is once per purpose and
 * recipient, so a sweep that runs twice (two workers, a retry) sends nothing twice.
 */
@Injectable()
export class SummaryScheduleService {
  private readonly logger = new Logger('AnnualSummary');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly compilations: SummaryCompilationsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** What the sweep does on `today` (YYYY-MM-DD, Oslo) for every area's current year. */
  async sweep(today: string): Promise<{ areas: number; reminders: number; lateNotices: number; compilations: number }> {
    const year = Number(today.slice(0, 4));
    // Every area with its dates for the year (where the ministry changed them) and whether the year's summary is sent: one query.
    const areas: {
      id: string;
      opens_on: string | null;
      agency_deadline: string;
      compile_from: string;
      compile_to: string;
      send_by: string;
      sent: boolean;
    }[] = await this.ds.query(
      `SELECT a.id, c.opens_on::text, c.agency_deadline::text, c.compile_from::text, c.compile_to::text, c.send_by::text,
              EXISTS (SELECT 1 FROM summary_version v WHERE v.area_id = a.id AND v.year = $1 AND v.sent_at IS NOT NULL) AS sent
         FROM ${AREA_DIRECTORY} a LEFT JOIN summary_cycle c ON c.area_id = a.id AND c.year = $1
        ORDER BY a.name`,
      [year],
    );
    const out = { areas: 0, reminders: 0, lateNotices: 0, compilations: 0 };
    for (const area of areas) {
      const d: SummaryDates = area.opens_on
        ? {
            opensOn: area.opens_on,
            agencyDeadline: area.agency_deadline,
            compileFrom: area.compile_from,
            compileTo: area.compile_to,
            sendBy: area.send_by,
          }
        : defaultSummaryDates(year);
      const actions = summaryActionsOn(today, d);
      if (!actions.length || area.sent) continue;
      out.areas++;
      if (actions.includes(SummaryAction.OPEN) || actions.includes(SummaryAction.REMIND))
        out.reminders += await this.remind(area.id, year, today, d.agencyDeadline, actions.includes(SummaryAction.OPEN));
      if (actions.includes(SummaryAction.LATE_NOTICE)) out.lateNotices += await this.lateNotice(area.id, year);
      if (
        actions.includes(SummaryAction.AUTO_COMPILE) &&
        (await this.compilations.startCompilation(area.id, year, CompilationTrigger.AUTO, null))
      )
        out.compilations++;
    }
    if (out.areas) this.logger.log(`December sweep ${today}: ${JSON.stringify(out)}`);
    return out;
  }

  /** Coordinators of the area's agencies (the ministry aside) whose report is not submitted. */
  private async unsubmitted(areaId: string, year: number): Promise<(Person & { agency_id: string })[]> {
    return this.ds.query(
      `SELECT u.email, u.name, u.language, a.name AS agency_name, a.id AS agency_id
         FROM ${USER_DIRECTORY} u JOIN ${AGENCY_DIRECTORY} a ON a.id = u.agency_id
        WHERE a.area_id = $1 AND NOT a.is_ministry AND u.role = 'AGENCY_COORDINATOR'
          AND NOT EXISTS (SELECT 1 FROM agency_report r WHERE r.agency_id = a.id AND r.year = $2 AND r.submitted_at IS NOT NULL)
        ORDER BY a.name, u.name`,
      [areaId, year],
    );
  }

  private async remind(areaId: string, year: number, today: string, deadline: string, opening: boolean): Promise<number> {
    const people = await this.unsubmitted(areaId, year);
    const ids = await this.ds.transaction(async (m) => {
      const list: string[] = [];
      for (const p of people) {
        const mail = reportReminderMail(mailLanguage(p.language), {
          name: p.name,
          agencyName: p.agency_name as string,
          year,
          deadline,
          opening,
          today,
          url: `${this.config.app.publicUrl}/arsrapport`,
        });
        list.push(await this.mail.record({ ...mail, purpose: `summary-reminder:${areaId}:${today}`, to: p.email }, m));
      }
      return list;
    });
    await this.mail.dispatch(ids);
    return ids.length;
  }

  private async lateNotice(areaId: string, year: number): Promise<number> {
    const late: { name: string }[] = await this.ds.query(
      `SELECT a.name FROM ${AGENCY_DIRECTORY} a WHERE a.area_id = $1 AND NOT a.is_ministry
          AND NOT EXISTS (SELECT 1 FROM agency_report r WHERE r.agency_id = a.id AND r.year = $2 AND r.submitted_at IS NOT NULL)
        ORDER BY a.name`,
      [areaId, year],
    );
    const [{ total }]: { total: number }[] = await this.ds.query(
      `SELECT count(*)::int AS total FROM ${AGENCY_DIRECTORY} WHERE area_id = $1 AND NOT is_ministry`,
      [areaId],
    );
    const ministry: Person[] = await this.ds.query(
      `SELECT email, name, language FROM ${USER_DIRECTORY} WHERE role = 'MINISTRY_COORDINATOR' AND area_id = $1`,
      [areaId],
    );
    const ids = await this.ds.transaction(async (m) => {
      const list: string[] = [];
      for (const p of ministry) {
        const mail = lateReportsMail(mailLanguage(p.language), {
          name: p.name,
          year,
          late: late.map((l) => l.name),
          total,
          url: `${this.config.app.publicUrl}/arsoppsummering`,
        });
        list.push(await this.mail.record({ ...mail, purpose: `summary-late:${areaId}:${year}`, to: p.email }, m));
      }
      return list;
    });
    await this.mail.dispatch(ids);
    return ids.length;
  }
}
