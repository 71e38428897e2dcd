import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import type { FollowUpScope } from '../../common/access-policy';
import { AppConfig } from '../../config/config';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { APPRENTICESHIP_RESPONSIBLE } from '../apprenticeship/read-model';
import { USER_DIRECTORY, UserDirectoryRow } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { ReminderLine, remindersMail } from './templates/reminders.mail';

/** How many days ahead a deadline or a meeting is reminded of (and each day after, until done). */
export const REMINDER_DAYS_AHEAD = 3;

/** The once-only key of a person's reminder of the day: with the recipient, one mail per owner and day. */
export const remindersPurpose = (today: string) => `follow-up-reminders:${today}`;

interface Due {
  kind: 'ACTION' | 'MEETING';
  date: string;
  case_id: string;
  agency_id: string;
  apprentice_name: string;
  apprentice_user_id: string | null;
  responsible_ids: string[];
  owner_ids: string[];
}

/** A deadline or meeting of one owner, with the case it belongs to and who keeps that case. */
export interface OwnDeadline extends ReminderLine {
  caseId: string;
  scope: FollowUpScope;
}

/**
 * The daily reminders of open cases: each action not done whose deadline is near or past goes to
 * its owner (an owner outside the agency, named only, is reminded through the apprentice's
 * professional leader and instructors, or the one who opened the case); each next meeting near
 * goes to the professional leader and instructors (or the one who opened the case). One mail per
 * person and day, and nothing when there is nothing to remind of.
 */
@Injectable()
export class FollowUpRemindersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** What is due on `today`, by person. */
  async due(today: string): Promise<Map<string, ReminderLine[]>> {
    const lines = (await this.rows(today)).flatMap((r) =>
      [...new Set(r.owner_ids)].map((owner) => ({ owner, line: this.line(r, owner, today) })),
    );
    return new Map([...groupBy(lines, (l) => l.owner)].map(([owner, list]) => [owner, list.map((l) => l.line)]));
  }

  /** What is due on `today` for one person (the same lines as their reminder), with each line's case and who keeps it. */
  async dueFor(userId: string, today: string): Promise<OwnDeadline[]> {
    return (await this.rows(today, userId)).map((r) => ({
      ...this.line(r, userId, today),
      caseId: r.case_id,
      scope: { agencyId: r.agency_id, apprenticeUserId: r.apprentice_user_id, responsibleIds: r.responsible_ids },
    }));
  }

  private line(r: Due, owner: string, today: string): ReminderLine {
    const own = owner === r.apprentice_user_id;
    return { kind: r.kind, date: r.date, overdue: r.date < today, apprentice: own ? null : r.apprentice_name };
  }

  /** The open actions and next meetings due by `today` + the days ahead, with their owners (`owner`: only theirs). */
  private rows(today: string, owner?: string): Promise<Due[]> {
    const until = addDays(today, REMINDER_DAYS_AHEAD);
    const responsibleIds = `ARRAY(SELECT r.user_id FROM ${APPRENTICESHIP_RESPONSIBLE} r WHERE r.apprentice_id = c.apprentice_id)`;
    const responsible = `coalesce(nullif(${responsibleIds}, '{}'), ARRAY(SELECT c.opened_by WHERE c.opened_by IS NOT NULL))`;
    const common = `c.id AS case_id, c.agency_id, a.name AS apprentice_name, a.user_id AS apprentice_user_id, ${responsibleIds} AS responsible_ids`;
    return this.ds.query(
      `SELECT * FROM (
       SELECT 'ACTION' AS kind, x.deadline::text AS date, ${common},
              CASE WHEN x.owner_user_id IS NOT NULL THEN ARRAY[x.owner_user_id] ELSE ${responsible} END AS owner_ids
         FROM follow_up_action x JOIN follow_up_case c ON c.id = x.case_id JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
        WHERE c.status = 'OPEN' AND x.done_on IS NULL AND x.deadline <= $2
       UNION ALL
       SELECT 'MEETING', s.record->>'nextMeetingOn', ${common}, ${responsible}
         FROM follow_up_case c
         JOIN LATERAL (SELECT record FROM follow_up_step WHERE case_id = c.id ORDER BY seq DESC LIMIT 1) s ON true
         JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
        WHERE c.status = 'OPEN' AND (s.record->>'nextMeetingOn')::date BETWEEN $1 AND $2) d
        WHERE $3::uuid IS NULL OR $3::uuid = ANY(d.owner_ids)
        ORDER BY date, apprentice_name`,
      [today, until, owner ?? null],
    );
  }

  async send(today: string): Promise<{ recipients: number; reminders: number }> {
    const lists = await this.due(today);
    if (!lists.size) return { recipients: 0, reminders: 0 };
    const people: Pick<UserDirectoryRow, 'id' | 'name' | 'email' | 'language'>[] = await this.ds.query(
      `SELECT id, name, email, language FROM ${USER_DIRECTORY} WHERE id = ANY($1::uuid[])`,
      [[...lists.keys()]],
    );
    const url = `${this.config.app.publicUrl}/oppfolging`;
    const ids = await this.mail.recordMany(
      people.map((p) => ({
        ...remindersMail(mailLanguage(p.language), { name: p.name, lines: lists.get(p.id) ?? [], url }),
        purpose: remindersPurpose(today),
        to: p.email,
      })),
    );
    await this.mail.dispatch(ids);
    return { recipients: ids.length, reminders: [...lists.values()].reduce((s, l) => s + l.length, 0) };
  }
}
