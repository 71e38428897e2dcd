import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, dueForDigest, milestoneStatus, planText, weekStart } from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import { AppConfig } from '../../config/config';
import { AREA_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { DigestLine, planDigestMail } from './templates/plan-digest.mail';

interface Row {
  user_id: string;
  email: string;
  name: string;
  language: string;
  title: string;
  title_en: string | null;
  measure: string;
  measure_en: string | null;
  due_date: string;
  area_name: string;
  year: number;
}

/**
 * The Monday digest: each owner of a measure gets one mail a week listing the measure's
 * milestones that are overdue or due within 14 days. Owners with nothing due get nothing. The
 * mail is recorded once per owner and week, so a retried or repeated job sends no second one.
 */
@Injectable()
export class PlanDigestService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async sendWeeklyDigest(today: string): Promise<{ recipients: number; milestones: number }> {
    const rows: Row[] = await this.ds.query(
      `SELECT u.id AS user_id, u.email, u.name, u.language, m.title, m.title_en, ms.title AS measure, ms.title_en AS measure_en, m.due_date::text AS due_date, a.name AS area_name, p.year
         FROM plan_milestone m
         JOIN plan_measure ms ON ms.id = m.measure_id AND ms.status IN ('PLANNED', 'IN_PROGRESS')
         JOIN action_plan p ON p.id = ms.plan_id AND p.year >= $2
         JOIN ${AREA_DIRECTORY} a ON a.id = p.area_id
         JOIN plan_measure_owner o ON o.measure_id = ms.id
         JOIN ${USER_DIRECTORY} u ON u.id = o.user_id
        WHERE m.done_at IS NULL AND m.due_date <= $1::date
        ORDER BY u.id, m.due_date, m.title`,
      [addDays(today, 14), Number(today.slice(0, 4)) - 1],
    );
    const byUser = groupBy(rows, (r) => r.user_id);
    const purpose = `plan-digest:${weekStart(today)}`;
    const ids = await this.ds.transaction(async (m) => {
      const out: string[] = [];
      for (const list of byUser.values()) {
        const due = dueForDigest(
          list.map((r) => ({ ...r, dueDate: r.due_date, done: false })),
          today,
        );
        if (!due.length) continue;
        const lang = mailLanguage(list[0].language);
        // In the reader's language where the plan has the text in it (the template's English).
        const lines: DigestLine[] = due.map((r) => ({
          title: planText(lang, r.title, r.title_en),
          measure: planText(lang, r.measure, r.measure_en),
          dueDate: r.dueDate,
          status: milestoneStatus(r, today),
          areaName: r.area_name,
          year: r.year,
        }));
        const rendered = planDigestMail(lang, { name: list[0].name, lines, url: `${this.config.app.publicUrl}/handlingsplan` });
        out.push(await this.mail.record({ ...rendered, purpose, to: list[0].email }, m));
      }
      return out;
    });
    await this.mail.dispatch(ids);
    return { recipients: ids.length, milestones: rows.length };
  }
}
